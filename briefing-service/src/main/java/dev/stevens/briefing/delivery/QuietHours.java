package dev.stevens.briefing.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A recipient's local quiet hours. A brief due inside them waits for their end; a window whose
 * start is after its end wraps midnight (22:00–07:00).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** The earliest instant at or after {@code due} that is outside the quiet hours. */
    public Instant release(Instant due, ZoneId zone) {
        if (start == null || end == null || start.equals(end)) {
            return due;
        }
        ZonedDateTime local = due.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate date = local.toLocalDate();
        LocalDate endDate;
        if (start.isBefore(end)) {
            if (time.isBefore(start) || !time.isBefore(end)) {
                return due;
            }
            endDate = date;
        } else if (!time.isBefore(start)) {
            endDate = date.plusDays(1); // late evening: the window ends tomorrow morning
        } else if (time.isBefore(end)) {
            endDate = date;
        } else {
            return due;
        }
        // an end inside a spring-forward gap moves forward with it, like the brief time itself
        Instant release = ZonedDateTime.of(endDate, end, zone).toInstant();
        return release.isAfter(due) ? release : due;
    }
}
