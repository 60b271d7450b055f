package dev.stevens.briefing.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BriefComposerTest {

    private static final LocalDate THURSDAY = LocalDate.parse("2026-11-26");
    private static final Household SMITHS =
            new Household(
                    UUID.fromString("00000000-0000-0000-0000-000000000001"),
                    "The Smiths",
                    ZoneId.of("Europe/London"),
                    LocalTime.of(7, 0),
                    "Sir");

    private final BriefComposer composer = new BriefComposer();

    @Test
    void goldenBriefForAFixedHouseholdAndDay() {
        List<NotebookEntry> notes =
                List.of(
                        entry(1, THURSDAY, "Dentist at 10:00 with Dr Patel."),
                        entry(2, THURSDAY, "Collect the dry cleaning."),
                        entry(3, THURSDAY.plusDays(3), "Lunch with Aunt Agatha at one."),
                        entry(4, THURSDAY.plusDays(1), "The bins go out tonight."),
                        entry(5, THURSDAY.plusDays(7), "Parents' evening at six."),
                        entry(6, THURSDAY.plusDays(8), "Beyond the window; never shown."),
                        entry(7, THURSDAY.minusDays(1), "Yesterday; never shown."),
                        entry(8, null, "The boiler is due a service.\nCall Mr Jenkins."),
                        entry(9, null, "Miss Kenton prefers Earl Grey."));

        ComposedBrief brief = composer.compose(SMITHS, THURSDAY, notes);

        assertThat(brief.content())
                .isEqualTo(
                        """
                        Good morning, Sir.
                        An autumn morning; the leaves are turning.

                        It is Thursday 26 November.

                        Today
                        - Collect the dry cleaning.
                        - Dentist at 10:00 with Dr Patel.

                        Looking ahead
                        Friday 27 November
                        - The bins go out tonight.
                        Sunday 29 November
                        - Lunch with Aunt Agatha at one.
                        Thursday 3 December
                        - Parents' evening at six.

                        For your background
                        - Miss Kenton prefers Earl Grey.
                        - The boiler is due a service.
                          Call Mr Jenkins.

                        Your servant,
                        Stevens""");
        assertThat(brief.composer()).isEqualTo("stevens-deterministic");
        assertThat(brief.composerVersion()).isEqualTo("1");
        assertThat(brief.memoryIds())
                .containsExactly(id(2), id(1), id(4), id(3), id(5), id(9), id(8));
        assertThat(brief.used().get(0).version()).isEqualTo(2);
    }

    @Test
    void emptySectionsSayThereIsNothingInTheDiary() {
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
                .startsWith("Good morning, Madam.\nA crisp winter morning");
        assertThat(composer.compose(SMITHS, LocalDate.parse("2026-04-01"), List.of()).content())
                .contains("spring");
    }

    @Test
    void theSameNotesInAnyOrderGiveTheSameBrief() {
        List<NotebookEntry> notes = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            notes.add(entry(i, i % 3 == 0 ? null : THURSDAY.plusDays(i % 8), "Note " + i));
        }
        String forwards = composer.compose(SMITHS, THURSDAY, notes).content();
        java.util.Collections.reverse(notes);

        assertThat(composer.compose(SMITHS, THURSDAY, notes).content()).isEqualTo(forwards);
    }

    @Test
    void backgroundNotesAreCappedWithACountOfTheRest() {
        List<NotebookEntry> notes = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            notes.add(entry(i, null, "Standing note " + i));
        }

        ComposedBrief brief = composer.compose(SMITHS, THURSDAY, notes);

        assertThat(brief.content()).contains("(and 3 further notes in the notebook)");
        assertThat(brief.used()).hasSize(10);
    }

    private static NotebookEntry entry(int n, LocalDate date, String text) {
        return new NotebookEntry(
                id(n),
                "reminder",
                date,
                text,
                List.of(),
                2,
                Instant.parse("2026-11-20T00:00:00Z").plusSeconds(n));
    }

    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-0000-0000-%012d", n));
    }
}
