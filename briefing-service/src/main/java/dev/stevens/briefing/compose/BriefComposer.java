package dev.stevens.briefing.compose;

import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The butler's own composer: no network, no randomness, the same brief for the same notebook.
 * Today's memories first, then the coming week day by day, then undated background notes.
 */
public final class BriefComposer {

    public static final String NAME = "stevens-deterministic";
    public static final String VERSION = "1";
    static final int LOOK_AHEAD_DAYS = 7;
    static final int MAX_BACKGROUND_NOTES = 10;

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final Comparator<NotebookEntry> DATED_OR_UNDATED =
            Comparator.comparing(NotebookEntry::date, Comparator.nullsLast(LocalDate::compareTo))
                    .thenComparing(NotebookEntry::text)
                    .thenComparing(NotebookEntry::id);
    private static final Comparator<NotebookEntry> BACKGROUND =
            Comparator.comparing(
                            NotebookEntry::updatedAt,
                            Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                    .thenComparing(NotebookEntry::id);

    public ComposedBrief compose(Household household, LocalDate date, List<NotebookEntry> notes) {
        List<NotebookEntry> today = new ArrayList<>();
        Map<LocalDate, List<NotebookEntry>> ahead = new TreeMap<>();
        List<NotebookEntry> background = new ArrayList<>();
        for (NotebookEntry note : notes.stream().sorted(DATED_OR_UNDATED).toList()) {
            if (note.date() == null) {
                background.add(note);
            } else if (note.date().equals(date)) {
                today.add(note);
            } else if (note.date().isAfter(date)
                    && !note.date().isAfter(date.plusDays(LOOK_AHEAD_DAYS))) {
                ahead.computeIfAbsent(note.date(), d -> new ArrayList<>()).add(note);
            }
        }
        background.sort(BACKGROUND);
        List<NotebookEntry> shownBackground =
                background.subList(0, Math.min(MAX_BACKGROUND_NOTES, background.size()));

        var text = new BriefText();
        text.line(greeting(household)).line(Season.of(date, household.zone()).remark());
        text.blank().line("It is " + DAY.format(date) + ".");
        text.blank().line("Today");
        text.items(today, "Nothing is in the diary for today.");
        text.blank().line("Looking ahead");
        if (ahead.isEmpty()) {
            text.line("Nothing is in the diary for the coming week.");
        }
        ahead.forEach((day, items) -> text.line(DAY.format(day)).items(items, ""));
        if (!shownBackground.isEmpty()) {
            text.blank().line("For your background");
            text.items(shownBackground, "");
            int more = background.size() - shownBackground.size();
            if (more > 0) {
                text.line("(and " + more + " further notes in the notebook)");
            }
        }
        text.blank().line("Your servant,").line("Stevens");
        return new ComposedBrief(text.toString(), NAME, VERSION, text.used());
    }

    private static String greeting(Household household) {
        String address = household.formOfAddress();
        return address == null || address.isBlank()
                ? "Good morning."
                : "Good morning, " + address.strip() + ".";
    }
}
