package dev.stevens.briefing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TelegramStub;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class BriefDeliveryTest extends BriefingIntegrationTest {

    /** 07:00 in London on a Thursday in November (London is on UTC then). */
    private static final Instant BRIEF_TIME = Instant.parse("2026-11-26T07:00:00Z");

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @Autowired WireMockServer wireMock;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    ApiClient api;
    TelegramStub telegram;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        telegram = new TelegramStub(wireMock, BOT_TOKEN);
    }

    @Test
    void aDueBriefIsSentOnceAndItsReceiptIsShownInTheHistory() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        households.publishMemory(household, LocalDate.parse("2026-11-26"), "Dentist at 10:00.");
        telegram.accepts(household.chat(), 4711);
        awaitPreviewMentions(household, "Dentist");

        clock.set(BRIEF_TIME.plusSeconds(20));
        scheduler.tick();
        scheduler.tick();

        var requests = telegram.requestsFor(household.chat());
        assertThat(requests).hasSize(1);
        JsonNode brief = history(household).path("briefs").get(0);
        assertThat(brief.path("date").asString()).isEqualTo("2026-11-26");
        assertThat(brief.path("content").asString()).contains("- Dentist at 10:00.");
        // MarkdownV2: the same words with every special character escaped
        assertThat(
                        tools.jackson.databind.json.JsonMapper.builder()
                                .build()
                                .readTree(requests.get(0).getBodyAsString())
                                .path("text")
                                .asString())
                .contains("Dentist at 10:00\\.")
                .contains("Your servant,");
        JsonNode delivery = brief.path("deliveries").get(0);
        assertThat(delivery.path("channel").asString()).isEqualTo("telegram");
        assertThat(delivery.path("recipient").asString()).isEqualTo(household.chat());
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("receipt").asString()).isEqualTo("4711");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.path("deliveredAt").isNull()).isFalse();
        assertThat(history(household).path("nextBrief").path("localTime").asString())
                .isEqualTo("2026-11-27T07:00:00");
    }

    @Test
    void twoSchedulerRunsInParallelSendTheBriefOnlyOnce() throws Exception {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.accepts(household.chat(), 42);
        clock.set(BRIEF_TIME.plusSeconds(5));

        var barrier = new CyclicBarrier(2);
        Runnable tickTogether =
                () -> {
                    try {
                        barrier.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    scheduler.tick();
                };
        CompletableFuture.allOf(
                        CompletableFuture.runAsync(tickTogether),
                        CompletableFuture.runAsync(tickTogether))
                .get();

        assertThat(telegram.requestsFor(household.chat())).hasSize(1);
        assertThat(deliveries(household)).hasSize(1);
    }

    @Test
    void nothingIsSentBeforeTheBriefTime() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.accepts(household.chat(), 1);
        clock.set(BRIEF_TIME.minusSeconds(1));

        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).isEmpty();
        assertThat(history(household).path("briefs").size()).isZero();
    }

    @Test
    void aBriefMissedByMoreThanTheGraceIsRecordedAsMissedAndNotSent() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.accepts(household.chat(), 1);
        clock.set(BRIEF_TIME.plusSeconds(3 * 3600 + 60));

        scheduler.tick();
        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).isEmpty();
        JsonNode delivery = deliveries(household).get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("MISSED");
        assertThat(delivery.path("lastError").asString())
                .isEqualTo("missed: due at 2026-11-26T07:00:00Z, more than PT3H ago");
    }

    @Test
    void aBriefMissedByLessThanTheGraceIsSentLate() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.accepts(household.chat(), 3);
        // the service was down from before 07:00 until 09:59
        clock.set(BRIEF_TIME.plusSeconds(3 * 3600 - 60));

        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).hasSize(1);
        assertThat(deliveries(household).get(0).path("status").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void aTelegramErrorIsRetriedOnTheNextTickAndTheBriefDeliveredOnce(CapturedOutput output) {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.failsOnceThenAccepts(household.chat(), 500, 99);
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();
        JsonNode failed = deliveries(household).get(0);
        assertThat(failed.path("status").asString()).isEqualTo("PENDING");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("lastError").asString())
                .isEqualTo("Telegram answered 500: Internal Server Error");

        clock.set(BRIEF_TIME.plusSeconds(31));
        scheduler.tick();
        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).hasSize(2);
        JsonNode delivered = deliveries(household).get(0);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("receipt").asString()).isEqualTo("99");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
        assertThat(output).doesNotContain(BOT_TOKEN);
    }

    @Test
    void aDeliveryClaimedByAnInstanceThatDiedIsSentOnceByAnotherAfterTheLease() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.failsOnceThenAccepts(household.chat(), 500, 77);
        clock.set(BRIEF_TIME.plusSeconds(1));
        scheduler.tick(); // the first attempt fails: brief and delivery exist, PENDING

        // another instance claims the retry, then dies before it can send or record anything
        jdbc.sql(
                        "update deliveries set status = 'SENDING', claimed_at = :at"
                                + " where household_id = :household")
                .param("at", BRIEF_TIME.plusSeconds(40).atOffset(ZoneOffset.UTC))
                .param("household", household.id())
                .update();
        clock.set(BRIEF_TIME.plusSeconds(60));
        scheduler.tick();
        assertThat(telegram.requestsFor(household.chat()))
                .as("a live claim belongs to its instance")
                .hasSize(1);

        clock.set(BRIEF_TIME.plus(Duration.ofMinutes(7))); // past the 5-minute lease
        scheduler.tick();
        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).hasSize(2);
        JsonNode delivered = deliveries(household).get(0);
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("receipt").asString()).isEqualTo("77");
    }

    @Test
    void aDeliveryThatKeepsFailingIsRetriedWithGrowingPausesUntilTheDeadlineThenFailed() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.alwaysFails(household.chat(), 502, "Bad Gateway");

        clock.set(BRIEF_TIME.plusSeconds(1));
        scheduler.tick();
        assertThat(deliveries(household).get(0).path("nextAttemptAt").asString())
                .isEqualTo("2026-11-26T07:00:31Z");
        clock.set(BRIEF_TIME.plusSeconds(30));
        scheduler.tick();
        assertThat(telegram.requestsFor(household.chat())).hasSize(1);

        clock.set(BRIEF_TIME.plusSeconds(31));
        scheduler.tick();
        JsonNode second = deliveries(household).get(0);
        assertThat(second.path("attempts").asInt()).isEqualTo(2);
        assertThat(second.path("status").asString()).isEqualTo("PENDING");
        assertThat(second.path("nextAttemptAt").asString()).isEqualTo("2026-11-26T07:01:31Z");
        assertThat(second.path("deadlineAt").asString()).isEqualTo("2026-11-26T13:00:00Z");

        clock.set(Instant.parse("2026-11-26T13:00:01Z"));
        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).hasSize(2);
        JsonNode failed = deliveries(household).get(0);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("lastError").asString())
                .isEqualTo(
                        "not delivered by the deadline 2026-11-26T13:00:00Z; last error:"
                                + " Telegram answered 502: Bad Gateway");
    }

    @Test
    void anUnknownChatFailsAtOnceBecauseRetryingCannotHelp() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        telegram.alwaysFails(household.chat(), 400, "Bad Request: chat not found");
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();
        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).hasSize(1);
        JsonNode delivery = deliveries(household).get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("FAILED");
        assertThat(delivery.path("lastError").asString()).contains("chat not found");
    }

    @Test
    void aHouseholdWithoutATelegramChatGetsItsBriefButNoTelegramDelivery() {
        TestHousehold household =
                households.create(
                        "Europe/London", LocalTime.of(7, 0), false, List.of("briefings:read"));
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();

        JsonNode briefs = history(household).path("briefs");
        assertThat(briefs.size()).isEqualTo(1);
        assertThat(briefs.get(0).path("deliveries").size()).isZero();
    }

    @Test
    void theBriefFollowsTheHouseholdsOwnTimeZone() {
        TestHousehold household = households.create("Asia/Tokyo", LocalTime.of(7, 0));
        telegram.accepts(household.chat(), 7);
        // 07:00 in Tokyo on 27 November is 22:00 UTC on the 26th
        clock.set(Instant.parse("2026-11-26T21:59:00Z"));
        scheduler.tick();
        assertThat(telegram.requestsFor(household.chat())).isEmpty();

        clock.set(Instant.parse("2026-11-26T22:00:00Z"));
        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).hasSize(1);
        assertThat(history(household).path("briefs").get(0).path("date").asString())
                .isEqualTo("2026-11-27");
    }

    private void awaitPreviewMentions(TestHousehold household, String text) {
        org.awaitility.Awaitility.await()
                .until(
                        () ->
                                api.get("/api/v1/briefings/preview", household.token())
                                        .body()
                                        .path("content")
                                        .asString()
                                        .contains(text));
    }

    private JsonNode history(TestHousehold household) {
        var response = api.get("/api/v1/briefings", household.token());
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private JsonNode deliveries(TestHousehold household) {
        return history(household).path("briefs").get(0).path("deliveries");
    }
}
