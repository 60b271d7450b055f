package dev.stevens.briefing.compose;

import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the day's fact: one dated today wins; otherwise the undated facts take turns by day, so
 * the same notebook gives the same fact on the same day and a different one tomorrow.
 */
final class DailyFact {

    private DailyFact() {}

    static Optional<NotebookEntry> pick(List<NotebookEntry> facts, LocalDate date) {
        List<NotebookEntry> todays =
                facts.stream().filter(f -> date.equals(f.date())).sorted(byId()).toList();
        if (!todays.isEmpty()) {
            return Optional.of(todays.get(0));
        }
        List<NotebookEntry> undated =
                facts.stream().filter(f -> f.date() == null).sorted(byId()).toList();
        if (undated.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(undated.get((int) Math.floorMod(date.toEpochDay(), undated.size())));
    }

    private static Comparator<NotebookEntry> byId() {
        return Comparator.comparing(NotebookEntry::id);
    }
}
