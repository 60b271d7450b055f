package dev.stevens.briefing.compose;

import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A day's items as the brief reads them out (no advertisements or facts), for the chat's lists. */
public final class Agenda {

    private Agenda() {}

    public static List<NotebookEntry> day(List<NotebookEntry> notes, LocalDate date) {
        List<NotebookEntry> items = new ArrayList<>();
        for (NotebookEntry note : notes) {
            Kind kind = Kind.of(note);
            if (date.equals(note.date()) && kind != Kind.ADVERTISEMENT && kind != Kind.FACT) {
                items.add(note);
            }
        }
        DayItems day = DayItems.of(items);
        List<NotebookEntry> ordered = new ArrayList<>(day.main());
        ordered.addAll(day.post());
        return ordered;
    }

    /** Undated notes (background), most recently changed first, advertisements left out. */
    public static List<NotebookEntry> background(List<NotebookEntry> notes) {
        return notes.stream()
                .filter(n -> n.date() == null && Kind.of(n) != Kind.ADVERTISEMENT)
                .toList();
    }

    /** "Friday 27 November". */
    public static String dayName(LocalDate date) {
        return BriefComposer.DAY.format(date);
    }
}
