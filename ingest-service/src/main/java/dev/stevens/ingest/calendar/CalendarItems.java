package dev.stevens.ingest.calendar;

import dev.stevens.ingest.importers.ImportItem;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Occurrences as memories, one for each day an occurrence covers within the window: "Piano lesson
 * 16:00–17:00 at Music School", "Ski trip (all day, day 2 of 3)".
 */
final class CalendarItems {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CalendarItems() {}

    static List<ImportItem> of(
            String feedId, List<Occurrence> occurrences, LocalDate firstDay, LocalDate lastDay) {
        List<ImportItem> items = new ArrayList<>();
        for (Occurrence o : occurrences) {
            String key =
                    CalendarImporter.SOURCE + ":" + feedId + ":" + o.uid() + ":" + o.recurrence();
            long days = ChronoUnit.DAYS.between(o.firstDay(), o.lastDay()) + 1;
            for (LocalDate day = o.firstDay(); !day.isAfter(o.lastDay()); day = day.plusDays(1)) {
                if (day.isBefore(firstDay) || day.isAfter(lastDay)) {
                    continue;
                }
                int index = (int) ChronoUnit.DAYS.between(o.firstDay(), day) + 1;
                // the first day keeps the plain occurrence key, so lengthening an event keeps it
                String dayKey = index == 1 ? key : key + ":" + day;
                items.add(
                        new ImportItem(
                                dayKey,
                                day,
                                text(o, day, index, days),
                                List.of(CalendarImporter.SOURCE),
                                o.allDay() ? null : o.start().toInstant()));
            }
        }
        return items;
    }

    static String text(Occurrence o, LocalDate day, int index, long days) {
        StringBuilder text = new StringBuilder(o.summary());
        if (o.allDay()) {
            text.append(days == 1 ? " (all day)" : " (all day, day " + index + " of " + days + ")");
        } else if (days == 1) {
            text.append(' ').append(TIME.format(o.start()));
            if (o.end().isAfter(o.start())) {
                text.append('–').append(TIME.format(o.end()));
            }
        } else if (index == 1) {
            text.append(" from ").append(TIME.format(o.start()));
        } else if (index == days) {
            text.append(" until ").append(TIME.format(o.end()));
        } else {
            text.append(" (all day, day ").append(index).append(" of ").append(days).append(')');
        }
        if (o.location() != null) {
            text.append(" at ").append(o.location());
        }
        return text.toString();
    }
}
