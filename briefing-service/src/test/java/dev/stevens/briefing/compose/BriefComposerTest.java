package dev.stevens.briefing.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BriefComposerTest {

    static final LocalDate THURSDAY = LocalDate.parse("2026-11-26");
    static final Household SMITHS =
            new Household(
                    UUID.fromString("00000000-0000-0000-0000-000000000001"),
                    "The Smiths",
                    ZoneId.of("Europe/London"),
                    LocalTime.of(7, 0),
                    "Sir");

    private final BriefComposer composer = new BriefComposer();

    /** The demo household's notebook on Thursday 26 November 2026. */
    static List<NotebookEntry> demoNotebook() {
        return List.of(
                entry(1, "calendar", THURSDAY, "14:30 Dentist with Dr Patel"),
                entry(2, "reminder", THURSDAY, "Collect the dry cleaning."),
                entry(3, "calendar", THURSDAY, "09:15 Call with the bank"),
                entry(4, "weather", THURSDAY, "Rain from midday, 7 to 10 °C."),
                entry(5, "mail", THURSDAY, "A letter from the council about the hedge."),
                entry(6, "reminder", THURSDAY, "A parcel from Fortnum & Mason is due.", "package"),
                entry(7, "mail", THURSDAY, "50% off sofas this weekend only!", "advertisement"),
                entry(8, "weather", THURSDAY.plusDays(1), "Snow showers, -2 to 1 °C."),
                entry(9, "weather", THURSDAY.plusDays(2), "Bright and dry, 6 to 9 °C."),
                entry(10, "calendar", THURSDAY.plusDays(3), "13:00 Lunch with Aunt Agatha"),
                entry(11, "reminder", THURSDAY.plusDays(1), "The bins go out tonight."),
                entry(12, "calendar", THURSDAY.plusDays(7), "18:00 Parents' evening"),
                entry(13, "reminder", THURSDAY.plusDays(8), "Beyond the window; never shown."),
                entry(14, "reminder", null, "The boiler is due a service.\nCall Mr Jenkins."),
                entry(15, "reminder", null, "Miss Kenton prefers Earl Grey."),
                entry(16, "fact", null, "Honey found in Egyptian tombs was still edible."),
                entry(17, "reminder", null, "Octopuses have three hearts.", "fact"),
                entry(18, "email", null, "Win a cruise! Reply now.", "Advertisement"));
    }

    @Test
    void goldenBriefForTheDemoHouseholdOnAnAutumnThursday() {
        ComposedBrief brief = composer.compose(SMITHS, THURSDAY, demoNotebook());

        assertThat(brief.content())
                .isEqualTo(
                        """
                        Good morning, Sir.
                        A wet autumn morning, I am afraid; an umbrella would be wise.

                        It is Thursday 26 November.

                        Today
                        - Rain from midday, 7 to 10 °C.
                        - 09:15 Call with the bank
                        - 14:30 Dentist with Dr Patel
                        - Collect the dry cleaning.
                        Post and parcels
                        - A letter from the council about the hedge.
                        - A parcel from Fortnum & Mason is due.

                        Looking ahead
                        Friday 27 November
                        - Snow showers, -2 to 1 °C.
                        - The bins go out tonight.
                        Sunday 29 November
                        - 13:00 Lunch with Aunt Agatha
                        Thursday 3 December
                        - 18:00 Parents' evening

                        For your background
                        - Miss Kenton prefers Earl Grey.
                        - The boiler is due a service.
                          Call Mr Jenkins.

                        A fact for the day
                        - Octopuses have three hearts.

                        I remain, Sir,
                        Your servant,
                        Stevens""");
        assertThat(brief.composer()).isEqualTo("stevens-deterministic");
        assertThat(brief.composerVersion()).isEqualTo("2");
        assertThat(brief.memoryIds())
                .containsExactly(
                        id(4), id(3), id(1), id(2), id(5), id(6), id(8), id(11), id(10), id(12),
                        id(15), id(14), id(17));
        assertThat(brief.used().get(0).version()).isEqualTo(2);
    }

    @Test
    void goldenBriefOnTheDayTheClocksGoForward() {
        LocalDate sunday = LocalDate.parse("2026-03-29");
        List<NotebookEntry> notes =
                List.of(
                        entry(1, "weather", sunday, "Sunny spells, 8 to 14 °C."),
                        entry(2, "calendar", sunday, "11:00 Mothering Sunday lunch at the Crown"),
                        entry(3, "calendar", sunday.plusDays(1), "08:30 School run"),
                        entry(4, "weather", sunday.plusDays(2), "Gales and heavy rain."),
                        entry(5, "fact", sunday, "British Summer Time began in 1916."),
                        entry(6, "fact", null, "Never shown while a fact is dated today."));

        ComposedBrief brief = composer.compose(SMITHS, sunday, notes);

        assertThat(brief.content())
                .isEqualTo(
                        """
                        Good morning, Sir.
                        A fine spring morning, if I may say so.

                        It is Sunday 29 March. The clocks went forward an hour at 01:00 last night.

                        Today
                        - Sunny spells, 8 to 14 °C.
                        - 11:00 Mothering Sunday lunch at the Crown

                        Looking ahead
                        Monday 30 March
                        - 08:30 School run
                        Tuesday 31 March
                        - Gales and heavy rain.

                        A fact for the day
                        - British Summer Time began in 1916.

                        I remain, Sir,
                        Your servant,
                        Stevens""");
    }

    @Test
    void theBriefMentionsTheClocksGoingBackInAutumn() {
        String content =
                composer.compose(SMITHS, LocalDate.parse("2026-10-25"), List.of()).content();

        assertThat(content)
                .contains(
                        "It is Sunday 25 October. The clocks went back an hour at 02:00 last night.");
        assertThat(composer.compose(SMITHS, LocalDate.parse("2026-10-26"), List.of()).content())
                .doesNotContain("clocks");
    }

    @Test
    void advertisementsNeverAppearInAnySection() {
        List<NotebookEntry> notes =
                List.of(
                        entry(1, "mail", THURSDAY, "Sofa sale today", "advertisement"),
                        entry(2, "email", THURSDAY.plusDays(1), "Cruise offer", "ADVERTISEMENT"),
                        entry(3, "mail", null, "Double glazing", "advertisement"),
                        entry(4, "fact", null, "Buy our fact book", "advertisement"));

        ComposedBrief brief = composer.compose(SMITHS, THURSDAY, notes);

        assertThat(brief.content())
                .doesNotContain("Sofa", "Cruise", "glazing", "fact book")
                .contains("Nothing is in the diary for today.");
        assertThat(brief.used()).isEmpty();
    }

    @Test
    void theGreetingFollowsTheWorstWeatherOfTheDay() {
        assertThat(greetingWith("Thunderstorms in the afternoon.")).contains("A stormy autumn");
        assertThat(greetingWith("Light snow, 0 °C.")).contains("Snow this autumn morning");
        assertThat(greetingWith("Sunny, 31 °C.")).contains("A hot autumn day");
        assertThat(greetingWith("Clear and frosty, -9 °C.")).contains("A bitterly cold autumn");
        assertThat(greetingWith("Sunny, 95°F.")).contains("A hot autumn day");
        assertThat(greetingWith("Cloudy, 9 °C.")).contains("An autumn morning; the leaves");
        assertThat(
                        composer.compose(
                                        SMITHS,
                                        THURSDAY,
                                        List.of(
                                                entry(1, "weather", THURSDAY, "Showers."),
                                                entry(2, "weather", THURSDAY, "Gales later.")))
                                .content())
                .contains("A stormy autumn");
    }

    @Test
    void onlyNotableWeatherIsShownInTheDaysAhead() {
        List<NotebookEntry> notes =
                List.of(
                        entry(1, "weather", THURSDAY.plusDays(1), "Cloudy, 8 °C."),
                        entry(2, "weather", THURSDAY.plusDays(2), "Heavy rain."),
                        entry(3, "weather", THURSDAY.plusDays(3), "Heatwave, 34 °C."));

        String content = composer.compose(SMITHS, THURSDAY, notes).content();

        assertThat(content)
                .doesNotContain("Cloudy")
                .contains("Saturday 28 November\n- Heavy rain.")
                .contains("Sunday 29 November\n- Heatwave, 34 °C.");
    }

    @Test
    void theDailyFactIsTheOneDatedTodayOrTakesTurnsAmongTheUndated() {
        List<NotebookEntry> undated =
                List.of(
                        entry(1, "fact", null, "Fact one."),
                        entry(2, "reminder", null, "Fact two.", "fact"),
                        entry(3, "fact", null, "Fact three."));
        List<String> facts = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            String content = composer.compose(SMITHS, THURSDAY.plusDays(day), undated).content();
            facts.add(
                    content.substring(content.indexOf("A fact for the day\n- ") + 21)
                            .lines()
                            .findFirst()
                            .orElseThrow());
        }
        List<NotebookEntry> withDated = new ArrayList<>(undated);
        withDated.add(entry(4, "fact", THURSDAY, "Today's own fact."));
        withDated.add(entry(5, "fact", THURSDAY.plusDays(1), "Tomorrow's fact; not yet."));

        assertThat(facts).containsExactlyInAnyOrder("Fact one.", "Fact two.", "Fact three.");
        assertThat(composer.compose(SMITHS, THURSDAY, undated).content())
                .contains("A fact for the day\n- " + facts.get(0));
        assertThat(composer.compose(SMITHS, THURSDAY, withDated).content())
                .contains("A fact for the day\n- Today's own fact.")
                .doesNotContain("Tomorrow's fact");
    }

    @Test
    void emptySectionsSayThereIsNothingInTheDiaryAndNoFormOfAddressIsInvented() {
        var household =
                new Household(SMITHS.id(), "The Smiths", SMITHS.zone(), SMITHS.briefTime(), null);

        String content = composer.compose(household, THURSDAY, List.of()).content();

        assertThat(content)
                .isEqualTo(
                        """
                        Good morning.
                        An autumn morning; the leaves are turning.

                        It is Thursday 26 November.

                        Today
                        Nothing is in the diary for today.

                        Looking ahead
                        Nothing is in the diary for the coming week.

                        I remain,
                        Your servant,
                        Stevens""");
    }

    @Test
    void theGreetingFollowsTheSeasonOfTheHouseholdsHemisphere() {
        var sydney =
                new Household(
                        SMITHS.id(),
                        "The Smiths",
                        ZoneId.of("Australia/Sydney"),
                        LocalTime.NOON,
                        "Madam");
        LocalDate july = LocalDate.parse("2026-07-01");

        assertThat(composer.compose(SMITHS, july, List.of()).content())
                .startsWith("Good morning, Sir.\nA bright summer morning");
        assertThat(composer.compose(sydney, july, List.of()).content())
                .startsWith("Good morning, Madam.\nA crisp winter morning")
                .endsWith("I remain, Madam,\nYour servant,\nStevens");
    }

    @Test
    void theSameNotesInAnyOrderGiveTheSameBrief() {
        List<NotebookEntry> notes = new ArrayList<>(demoNotebook());
        String forwards = composer.compose(SMITHS, THURSDAY, notes).content();
        Collections.reverse(notes);

        assertThat(composer.compose(SMITHS, THURSDAY, notes).content()).isEqualTo(forwards);
    }

    @Test
    void backgroundNotesAreCappedWithACountOfTheRest() {
        List<NotebookEntry> notes = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            notes.add(entry(i, "reminder", null, "Standing note " + i));
        }

        ComposedBrief brief = composer.compose(SMITHS, THURSDAY, notes);

        assertThat(brief.content()).contains("(and 3 further notes in the notebook)");
        assertThat(brief.used()).hasSize(10);
    }

    private String greetingWith(String weather) {
        return composer.compose(SMITHS, THURSDAY, List.of(entry(1, "weather", THURSDAY, weather)))
                .content()
                .lines()
                .skip(1)
                .findFirst()
                .orElseThrow();
    }

    static NotebookEntry entry(int n, String source, LocalDate date, String text, String... tags) {
        return new NotebookEntry(
                id(n),
                source,
                date,
                text,
                List.of(tags),
                2,
                Instant.parse("2026-11-20T00:00:00Z").plusSeconds(n));
    }

    static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
    }
}
