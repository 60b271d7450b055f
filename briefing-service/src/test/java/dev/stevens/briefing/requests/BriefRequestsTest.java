package dev.stevens.briefing.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.delivery.TopicReader;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TelegramStub;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import dev.stevens.events.BriefRequested;
import dev.stevens.events.BriefRequested.Kind;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The dashboard's brief requests arrive on Kafka and are answered on Kafka. */
class BriefRequestsTest extends BriefingIntegrationTest {

    /** Noon in London, long after the 07:00 brief time, on a day no other test uses. */
    private static final Instant NOON = Instant.parse("2026-12-09T12:00:00Z");

    private static final LocalDate TODAY = LocalDate.parse("2026-12-09");

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired WireMockServer wireMock;
    @Autowired EventPublisher publisher;
    TelegramStub telegram;

    @BeforeEach
    void setUp() {
        telegram = new TelegramStub(wireMock, BOT_TOKEN);
        clock.set(NOON);
    }

    @Test
    void aPreviewRequestIsAnsweredWithTheBriefForThatDateAndNothingIsSent() throws Exception {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        LocalDate date = TODAY.plusDays(3);
        households.publishMemory(household, date, "Piano lesson at 16:00.");
        telegram.accepts(household.chat(), 1);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            JsonNode answer = answerTo(request(household, Kind.PREVIEW, date));
                            assertThat(answer.path("outcome").asString()).isEqualTo("PREVIEWED");
                            assertThat(answer.path("date").asString()).isEqualTo(date.toString());
                            assertThat(answer.path("content").asString()).contains("Piano lesson");
                            assertThat(answer.path("memoryIds")).isNotEmpty();
                        });
        assertThat(telegram.requestsFor(household.chat())).isEmpty();
    }

    @Test
    void sendNowDeliversOnceEvenWhenTheRequestIsRedeliveredOrRepeated() throws Exception {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        households.publishMemory(household, TODAY, "Boiler service at 14:00.");
        telegram.accepts(household.chat(), 4242);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                answerTo(request(household, Kind.PREVIEW, TODAY))
                                                        .path("content")
                                                        .asString())
                                        .contains("Boiler service"));

        BriefRequested send = request(household, Kind.SEND, null);
        assertThat(answerTo(send).path("outcome").asString()).isEqualTo("SENT");
        publish(send); // the same event again, as at-least-once delivery may do
        BriefRequested again = request(household, Kind.SEND, TODAY);

        assertThat(answerTo(again).path("outcome").asString()).isEqualTo("ALREADY_SENT");
        assertThat(telegram.requestsFor(household.chat())).hasSize(1);
        assertThat(telegram.requestsFor(household.chat()).get(0).getBodyAsString())
                .contains("Boiler service");
    }

    @Test
    void aRequestForAnUnknownHouseholdIsAnsweredAsFailed() throws Exception {
        var unknown = new TestHousehold(UUID.randomUUID(), null, null);
        assertThat(answerTo(request(unknown, Kind.PREVIEW, TODAY)).path("outcome").asString())
                .isEqualTo("FAILED");
    }

    private BriefRequested request(TestHousehold household, Kind kind, LocalDate date)
            throws Exception {
        var request =
                BriefRequested.of(
                        UUID.randomUUID(),
                        "/test",
                        NOON,
                        household.id(),
                        new BriefRequested.Data(kind, date, "dashboard:test"));
        publish(request);
        return request;
    }

    private void publish(BriefRequested request) throws Exception {
        publisher
                .publish(Topics.BRIEF_REQUESTS, request.household().toString(), request)
                .get(10, TimeUnit.SECONDS);
    }

    /** Waits for the first answer to this request on the answers topic. */
    private static JsonNode answerTo(BriefRequested request) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            List<JsonNode> answers =
                                    TopicReader.eventsOf(Topics.BRIEF_ANSWERS, request.household())
                                            .stream()
                                            .filter(
                                                    a ->
                                                            request.id()
                                                                    .toString()
                                                                    .equals(
                                                                            a.path("data")
                                                                                    .path(
                                                                                            "requestId")
                                                                                    .asString()))
                                            .toList();
                            return answers.isEmpty() ? null : answers.get(0).path("data");
                        },
                        a -> a != null);
    }
}
