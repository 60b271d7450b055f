package dev.stevens.ingest.calendar;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * One occurrence of an event, in the household's zone.
 *
 * @param recurrence the instance's original start as in RECURRENCE-ID: a UTC instant ({@code
 *     20261022T200000Z}), a date ({@code 20261026}) or a floating local time; moving an instance
 *     does not change it
 * @param start for a timed event; null when all-day
 * @param end for a timed event (may equal start); null when all-day
 * @param firstDay first day; for all-day events the DTSTART date
 * @param lastDay last day covered (inclusive)
 */
record Occurrence(
        String uid,
        String recurrence,
        String summary,
        String location,
        ZonedDateTime start,
        ZonedDateTime end,
        LocalDate firstDay,
        LocalDate lastDay) {

    boolean allDay() {
        return start == null;
    }
}
