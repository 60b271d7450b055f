package dev.stevens.briefing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aBriefOutsideTheQuietHoursIsNotHeldBack() {
        var quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        Instant due = Instant.parse("2026-11-26T07:00:00Z");

        assertThat(quiet.release(due, LONDON)).isEqualTo(due);
    }

    @Test
    void aBriefInAnOvernightWindowWaitsForItsEndTheSameMorning() {
        var quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 30));

        assertThat(quiet.release(Instant.parse("2026-11-26T07:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-11-26T08:30:00Z"));
    }

    @Test
    void aBriefLateInTheEveningWaitsUntilTheNextMorning() {
        var quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

        assertThat(quiet.release(Instant.parse("2026-11-26T23:15:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
    }

    @Test
    void aDaytimeWindowHoldsABriefInsideItOnly() {
        var quiet = new QuietHours(LocalTime.of(6, 0), LocalTime.of(9, 0));

        assertThat(quiet.release(Instant.parse("2026-11-26T07:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(quiet.release(Instant.parse("2026-11-26T09:00:00Z"), LONDON))
                .isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
    }

    @Test
    void noWindowMeansNoWait() {
        Instant due = Instant.parse("2026-11-26T07:00:00Z");

        assertThat(new QuietHours(null, null).release(due, LONDON)).isEqualTo(due);
    }
}
