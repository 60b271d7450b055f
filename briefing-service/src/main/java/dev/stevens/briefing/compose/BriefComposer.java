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
 * Greeting (season and the day's weather), today, the week ahead, background notes, a fact for the
 * day and a sign-off. Advertisements never appear.
 */
public final class BriefComposer {

    public static final String NAME = "stevens-deterministic";
    public static final String VERSION = "2";
    public static final int LOOK_AHEAD_DAYS = 7;
    static final int MAX_BACKGROUND_NOTES = 10;

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final Comparator<NotebookEntry> BACKGROUND =
            Comparator.comparing(
                            NotebookEntry::updatedAt,
                            Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                    .thenComparing(NotebookEntry::id);

    public ComposedBrief compose(Household household, LocalDate date, List<NotebookEntry> notes) {
        List<NotebookEntry> today = new ArrayList<>();
        Map<LocalDate, List<NotebookEntry>> ahead = new TreeMap<>();
        List<NotebookEntry> background = new ArrayList<>();
        List<NotebookEntry> facts = new ArrayList<>();
        for (NotebookEntry note : notes) {
            Kind kind = Kind.of(note);
            if (kind == Kind.ADVERTISEMENT) {
                continue;
            }
            if (kind == Kind.FACT) {
                if (note.date() == null || note.date().equals(date)) {
                    facts.add(note);
                }
            } else if (note.date() == null) {
                background.add(note);
            } else if (note.date().equals(date)) {
                today.add(note);
            } else if (note.date().isAfter(date)
                    && !note.date().isAfter(date.plusDays(LOOK_AHEAD_DAYS))
                    && (kind != Kind.WEATHER || Weather.of(note).notable())) {
                ahead.computeIfAbsent(note.date(), d -> new ArrayList<>()).add(note);
            }
        }
        background.sort(BACKGROUND);

        var text = new BriefText();
        Weather weather =
                Weather.worstOf(today.stream().filter(n -> Kind.of(n) == Kind.WEATHER).toList());
        text.line(greeting(household)).line(weather.remark(Season.of(date, household.zone())));
        text.blank()
                .line(
                        ("It is "
                                        + DAY.format(date)
                                        + ". "
                                        + ClockChange.on(date, household.zone()))
                                .strip());
        text.blank().line("Today");
        DayItems.of(today).write(text, "Nothing is in the diary for today.");
        text.blank().line("Looking ahead");
        if (ahead.isEmpty()) {
            text.line("Nothing is in the diary for the coming week.");
        }
        ahead.forEach((day, items) -> DayItems.of(items).write(text.line(DAY.format(day)), ""));
        writeBackground(text, background);
        DailyFact.pick(facts, date)
                .ifPresent(
                        fact -> text.blank().line("A fact for the day").items(List.of(fact), ""));
        text.blank().line(signOff(household)).line("Your servant,").line("Stevens");
        return new ComposedBrief(text.toString(), NAME, VERSION, text.used());
    }

    private static void writeBackground(BriefText text, List<NotebookEntry> background) {
        if (background.isEmpty()) {
            return;
        }
        var shown = background.subList(0, Math.min(MAX_BACKGROUND_NOTES, background.size()));
        text.blank().line("For your background");
        text.items(DayItems.ordered(shown), "");
        int more = background.size() - shown.size();
        if (more > 0) {
            text.line("(and " + more + " further notes in the notebook)");
        }
    }

    static String address(Household household) {
        String address = household.formOfAddress();
        return address == null || address.isBlank() ? null : address.strip();
    }

    private static String greeting(Household household) {
        String address = address(household);
        return address == null ? "Good morning." : "Good morning, " + address + ".";
    }

    private static String signOff(Household household) {
        String address = address(household);
        return address == null ? "I remain," : "I remain, " + address + ",";
    }
}
