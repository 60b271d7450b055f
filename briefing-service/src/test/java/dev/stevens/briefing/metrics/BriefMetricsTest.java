package dev.stevens.briefing.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TelegramStub;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The brief meters (due, sent, late, missed, failed, delivery latency) move when the scheduler does
 * its work. Households of other test classes share this context and may fall due in the same tick,
 * so the counters are compared as "at least".
 */
class BriefMetricsTest extends BriefingIntegrationTest {

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @Autowired WireMockServer wireMock;
    @Autowired MeterRegistry registry;

    @Test
    void aDeliveredBriefCountsAsDueAndSentAndRecordsItsDeliveryLatency() {
        TestHousehold household = households.create("UTC", LocalTime.of(5, 17));
        new TelegramStub(wireMock, BOT_TOKEN).accepts(household.chat(), 77);
        double due = count("stevens.briefs.due");
        double sent = count("stevens.briefs.sent");
        long timed = latency().count();
        double timedSeconds = latency().totalTime(TimeUnit.SECONDS);

        clock.set(Instant.parse("2031-07-15T05:17:30Z"));
        scheduler.tick();

        assertThat(count("stevens.briefs.due")).isGreaterThanOrEqualTo(due + 1);
        assertThat(count("stevens.briefs.sent")).isGreaterThanOrEqualTo(sent + 1);
        assertThat(latency().count()).isGreaterThanOrEqualTo(timed + 1);
        // this household's brief was due 30 s before the tick sent it
        assertThat(latency().totalTime(TimeUnit.SECONDS)).isGreaterThanOrEqualTo(timedSeconds + 30);
    }

    @Test
    void aBriefDeliveredAnHourAfterItsDueTimeCountsAsLate() {
        TestHousehold household = households.create("UTC", LocalTime.of(4, 11));
        new TelegramStub(wireMock, BOT_TOKEN).accepts(household.chat(), 78);
        double late = count("stevens.briefs.late");

        clock.set(Instant.parse("2031-08-02T05:11:00Z"));
        scheduler.tick();

        assertThat(count("stevens.briefs.late")).isGreaterThanOrEqualTo(late + 1);
    }

    @Test
    void aBriefOlderThanTheGraceCountsAsMissedAndIsNotSent() {
        TestHousehold household = households.create("UTC", LocalTime.of(1, 3));
        new TelegramStub(wireMock, BOT_TOKEN).accepts(household.chat(), 79);
        double missed = count("stevens.briefs.missed");

        clock.set(Instant.parse("2031-09-09T04:30:00Z"));
        scheduler.tick();

        assertThat(count("stevens.briefs.missed")).isGreaterThanOrEqualTo(missed + 1);
        assertThat(new TelegramStub(wireMock, BOT_TOKEN).requestsFor(household.chat())).isEmpty();
    }

    @Test
    void aBriefTheChannelRefusesForGoodCountsAsFailed() {
        TestHousehold household = households.create("UTC", LocalTime.of(6, 41));
        new TelegramStub(wireMock, BOT_TOKEN)
                .alwaysFails(household.chat(), 400, "Bad Request: chat not found");
        double failed = count("stevens.briefs.failed");

        clock.set(Instant.parse("2031-10-21T06:41:10Z"));
        scheduler.tick();

        assertThat(count("stevens.briefs.failed")).isGreaterThanOrEqualTo(failed + 1);
    }

    private double count(String name) {
        var counter = registry.find(name).tag("channel", "telegram").counter();
        return counter == null ? 0 : counter.count();
    }

    private Timer latency() {
        return registry.timer("stevens.briefs.delivery.latency", "channel", "telegram");
    }
}
