package dev.stevens.briefing.compose;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/** A word about the clocks on the days they change in the household's zone. */
final class ClockChange {

    private ClockChange() {}

    /** E.g. "The clocks went forward an hour in the night."; empty on ordinary days. */
    static String on(LocalDate date, ZoneId zone) {
        var start = date.atStartOfDay(zone).toInstant();
        var end = date.plusDays(1).atStartOfDay(zone).toInstant();
        ZoneOffsetTransition transition = zone.getRules().nextTransition(start.minusNanos(1));
        if (transition == null || !transition.getInstant().isBefore(end)) {
            return "";
        }
        Duration shift = transition.getDuration().abs();
        String amount =
                shift.equals(Duration.ofHours(1))
                        ? "an hour"
                        : shift.toMinutes() % 60 == 0
                                ? shift.toHours() + " hours"
                                : shift.toMinutes() + " minutes";
        return "The clocks "
                + (transition.isGap() ? "went forward " : "went back ")
                + amount
                + " at "
                + transition.getDateTimeBefore().toLocalTime()
                + " last night.";
    }
}
