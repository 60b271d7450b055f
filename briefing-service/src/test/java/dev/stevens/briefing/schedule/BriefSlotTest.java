package dev.stevens.briefing.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.briefing.households.Household;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BriefSlotTest {

    private static final Duration GRACE = Duration.ofHours(3);

    @Test
    void aBriefIsDueFromItsLocalTimeUntilTheGraceRunsOut() {
        var slot = BriefSlot.of(household("Europe/Berlin", 7, 0), LocalDate.parse("2026-11-26"));

        assertThat(slot.dueAt()).isEqualTo(Instant.parse("2026-11-26T06:00:00Z"));
        assertThat(slot.isDue(Instant.parse("2026-11-26T05:59:59Z"))).isFalse();
        assertThat(slot.isDue(Instant.parse("2026-11-26T06:00:00Z"))).isTrue();
        assertThat(slot.isMissed(Instant.parse("2026-11-26T09:00:00Z"), GRACE)).isFalse();
        assertThat(slot.isMissed(Instant.parse("2026-11-26T09:00:01Z"), GRACE)).isTrue();
    }

    @Test
    void aBriefTimeInsideTheSpringForwardGapIsDueWhenTheGapEnds() {
        // clocks in Berlin jump from 02:00 to 03:00 on 29 March 2026: 02:30 is due at 03:00 CEST
        var slot = BriefSlot.of(household("Europe/Berlin", 2, 30), LocalDate.parse("2026-03-29"));

        assertThat(slot.dueAt()).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void aBriefTimeInTheAutumnOverlapIsTheFirstOccurrence() {
        // 01:30 happens twice in London on 25 October 2026; the first is still summer time
        var slot = BriefSlot.of(household("Europe/London", 1, 30), LocalDate.parse("2026-10-25"));

        assertThat(slot.dueAt()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void theNextBriefIsTodaysUntilItIsDueThenTomorrows() {
        var household = household("Asia/Tokyo", 7, 0);

        assertThat(BriefSlot.next(household, Instant.parse("2026-11-26T21:59:00Z")).date())
                .isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(BriefSlot.next(household, Instant.parse("2026-11-26T22:00:00Z")).date())
                .isEqualTo(LocalDate.parse("2026-11-28"));
    }

    private static Household household(String zone, int hour, int minute) {
        return new Household(
                UUID.randomUUID(), "Test", ZoneId.of(zone), LocalTime.of(hour, minute), "Sir");
    }
}
