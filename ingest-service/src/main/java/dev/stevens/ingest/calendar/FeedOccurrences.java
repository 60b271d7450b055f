package dev.stevens.ingest.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Status;

/**
 * The occurrences of a feed's events within a window of days, in the household's zone: RRULE/RDATE
 * expanded with EXDATE removed (ical4j), RECURRENCE-ID overrides replacing the instance they name,
 * cancelled events and cancelled instances left out.
 */
final class FeedOccurrences {

    private static final DateTimeFormatter UTC_INSTANT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FLOATING =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private FeedOccurrences() {}

    /**
     * @param firstDay first day of the window (inclusive)
     * @param lastDay last day of the window (inclusive)
     * @throws FeedFailedException if the text is not iCalendar
     */
    static List<Occurrence> of(String ics, ZoneId zone, LocalDate firstDay, LocalDate lastDay) {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException | IOException | RuntimeException e) {
            throw new FeedFailedException("not a readable iCalendar feed");
        }
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        // overrides first: the instances they name are left out of their series
        Set<String> overridden = new HashSet<>();
        List<Occurrence> occurrences = new ArrayList<>();
        for (VEvent event : events) {
            var recurrenceId = event.<RecurrenceId<?>>getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isEmpty() || uid(event) == null) {
                continue;
            }
            String recurrence = recurrenceKey(recurrenceId.get().getDate());
            overridden.add(uid(event) + "|" + recurrence);
            if (!cancelled(event)) {
                expand(event, zone, firstDay, lastDay).stream()
                        .limit(1)
                        .forEach(p -> occurrences.add(occurrence(event, recurrence, p, zone)));
            }
        }
        for (VEvent event : events) {
            if (event.getProperty(Property.RECURRENCE_ID).isPresent()
                    || uid(event) == null
                    || cancelled(event)) {
                continue;
            }
            for (Period<Temporal> period : expand(event, zone, firstDay, lastDay)) {
                String recurrence = recurrenceKey(period.getStart());
                if (!overridden.contains(uid(event) + "|" + recurrence)) {
                    occurrences.add(occurrence(event, recurrence, period, zone));
                }
            }
        }
        return occurrences.stream()
                .filter(o -> !o.lastDay().isBefore(firstDay) && !o.firstDay().isAfter(lastDay))
                .toList();
    }

    /** The event's periods that touch the window, queried with the event's own kind of time. */
    private static Set<Period<Temporal>> expand(
            VEvent event, ZoneId zone, LocalDate firstDay, LocalDate lastDay) {
        if (event.getDateTimeStart() == null) {
            return Set.of();
        }
        Temporal start = event.getDateTimeStart().getDate();
        ZonedDateTime from = firstDay.atStartOfDay(zone);
        ZonedDateTime to = lastDay.plusDays(1).atStartOfDay(zone);
        Period<?> window;
        if (start instanceof LocalDate) {
            window = new Period<>(firstDay, lastDay.plusDays(1));
        } else if (start instanceof LocalDateTime) {
            window = new Period<>(from.toLocalDateTime(), to.toLocalDateTime());
        } else {
            window = new Period<>(from, to);
        }
        return event.calculateRecurrenceSet(window);
    }

    private static Occurrence occurrence(
            VEvent event, String recurrence, Period<Temporal> period, ZoneId zone) {
        String summary =
                event.getSummary() == null || event.getSummary().getValue().isBlank()
                        ? "(no title)"
                        : event.getSummary().getValue().strip();
        String location =
                event.getLocation() == null || event.getLocation().getValue().isBlank()
                        ? null
                        : event.getLocation().getValue().strip();
        Temporal start = period.getStart();
        Temporal end = period.getEnd() == null ? start : period.getEnd();
        if (start instanceof LocalDate startDate) {
            LocalDate endDate = (LocalDate) end;
            LocalDate last = endDate.isAfter(startDate) ? endDate.minusDays(1) : startDate;
            return new Occurrence(
                    uid(event), recurrence, summary, location, null, null, startDate, last);
        }
        ZonedDateTime from = inZone(start, zone);
        ZonedDateTime to = inZone(end, zone);
        // an event ending at midnight does not cover the next day
        LocalDate last =
                to.isAfter(from) && to.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                        ? to.toLocalDate().minusDays(1)
                        : to.toLocalDate();
        return new Occurrence(
                uid(event),
                recurrence,
                summary,
                location,
                from,
                to,
                from.toLocalDate(),
                last.isBefore(from.toLocalDate()) ? from.toLocalDate() : last);
    }

    /** Floating times are the household's local times; everything else is a fixed instant. */
    private static ZonedDateTime inZone(Temporal time, ZoneId zone) {
        if (time instanceof LocalDateTime local) {
            return local.atZone(zone);
        }
        return Instant.from(time).atZone(zone).truncatedTo(ChronoUnit.SECONDS);
    }

    static String recurrenceKey(Temporal time) {
        if (time instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (time instanceof LocalDateTime local) {
            return FLOATING.format(local);
        }
        return UTC_INSTANT.format(Instant.from(time));
    }

    private static String uid(VEvent event) {
        return event.getUid().map(u -> u.getValue().strip()).filter(u -> !u.isEmpty()).orElse(null);
    }

    private static boolean cancelled(VEvent event) {
        Status status = event.getStatus();
        return status != null && "CANCELLED".equalsIgnoreCase(status.getValue());
    }
}
