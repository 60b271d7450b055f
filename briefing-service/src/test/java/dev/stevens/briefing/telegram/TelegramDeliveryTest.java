package dev.stevens.briefing.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TelegramStub;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TelegramDeliveryTest extends BriefingIntegrationTest {

    private static final Instant BRIEF_TIME = Instant.parse("2026-11-26T07:00:00Z");
    private static final String PATH = "/bot" + BOT_TOKEN + "/sendMessage";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @Autowired WireMockServer wireMock;
    @Autowired TelegramClient client;
    @LocalServerPort int port;
    TelegramStub telegram;
    ApiClient api;

    @BeforeEach
    void setUp() {
        telegram = new TelegramStub(wireMock, BOT_TOKEN);
        api = new ApiClient(port);
    }

    @Test
    void theBriefIsSentAsMarkdownV2WithEverySpecialCharacterEscaped() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        households.publishMemory(
                household, LocalDate.parse("2026-11-26"), "Dentist (Dr. Who) at 10:00 - #1!");
        awaitPreview(household, "Dentist");
        telegram.accepts(household.chat(), 11);
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();

        JsonNode body =
                JSON.readTree(telegram.requestsFor(household.chat()).get(0).getBodyAsString());
        assertThat(body.path("parse_mode").asString()).isEqualTo("MarkdownV2");
        assertThat(body.path("text").asString())
                .contains("\\- Dentist \\(Dr\\. Who\\) at 10:00 \\- \\#1\\!")
                .contains("Good morning, Sir\\.");
    }

    @Test
    void aMessageTelegramCannotParseIsSentAgainAsPlainText() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        wireMock.stubFor(
                post(urlEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(household.chat())))
                        .withRequestBody(matchingJsonPath("$.parse_mode", equalTo("MarkdownV2")))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"ok\":false,\"error_code\":400,\"description\":"
                                                        + "\"Bad Request: can't parse entities:"
                                                        + " Character '.' is reserved\"}")));
        wireMock.stubFor(
                post(urlEqualTo(PATH))
                        .atPriority(10)
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(household.chat())))
                        .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":12}}")));
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();

        var requests = telegram.requestsFor(household.chat());
        assertThat(requests).hasSize(2);
        JsonNode plain = JSON.readTree(requests.get(1).getBodyAsString());
        assertThat(plain.has("parse_mode")).isFalse();
        assertThat(plain.path("text").asString()).contains("Good morning, Sir.");
        JsonNode delivery = deliveries(household).get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("receipt").asString()).isEqualTo("12");
    }

    @Test
    void aTooManyRequestsAnswerIsHonouredAndTheNextAttemptWaitsForRetryAfter() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        String scenario = "429 " + household.chat();
        wireMock.stubFor(
                post(urlEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(household.chat())))
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(
                                aResponse()
                                        .withStatus(429)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"ok\":false,\"error_code\":429,\"description\":"
                                                        + "\"Too Many Requests: retry after 120\","
                                                        + "\"parameters\":{\"retry_after\":120}}"))
                        .willSetStateTo("calm"));
        wireMock.stubFor(
                post(urlEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(household.chat())))
                        .inScenario(scenario)
                        .whenScenarioStateIs("calm")
                        .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":13}}")));
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();
        JsonNode waiting = deliveries(household).get(0);
        assertThat(waiting.path("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.path("nextAttemptAt").asString()).isEqualTo("2026-11-26T07:02:01Z");
        clock.set(Instant.parse("2026-11-26T07:02:00Z"));
        scheduler.tick();
        assertThat(telegram.requestsFor(household.chat())).hasSize(1);

        clock.set(Instant.parse("2026-11-26T07:02:01Z"));
        scheduler.tick();

        assertThat(telegram.requestsFor(household.chat())).hasSize(2);
        assertThat(deliveries(household).get(0).path("receipt").asString()).isEqualTo("13");
    }

    @Test
    void aLongBriefIsSentInPartsAndARetryResumesAfterThePartsAlreadySent() throws Exception {
        String chat = "987654321";
        String text = ("- A line of the brief that goes on for a while.\n").repeat(200);
        String scenario = "parts";
        wireMock.stubFor(
                post(urlEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":21}}"))
                        .willSetStateTo("second fails"));
        wireMock.stubFor(
                post(urlEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                        .inScenario(scenario)
                        .whenScenarioStateIs("second fails")
                        .willReturn(aResponse().withStatus(502).withBody("{}"))
                        .willSetStateTo("fine"));
        wireMock.stubFor(
                post(urlEqualTo(PATH))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)))
                        .inScenario(scenario)
                        .whenScenarioStateIs("fine")
                        .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":22}}")));

        TelegramException failure = null;
        try {
            client.send(chat, text);
        } catch (TelegramException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();
        assertThat(failure.permanent()).isFalse();
        assertThat(failure.sentMessageIds()).containsExactly(21L);

        int parts = MessageSplitter.splitForMarkdown(text).size();
        assertThat(parts).isGreaterThan(2);
        assertThat(client.send(chat, text, 1)).hasSize(parts - 1).containsOnly(22L);
        // the first part once, the second twice (failed, then resent), the rest once
        assertThat(telegram.requestsFor(chat)).hasSize(parts + 1);
        assertThat(telegram.requestsFor(chat))
                .allSatisfy(
                        r ->
                                assertThat(
                                                JSON.readTree(r.getBodyAsString())
                                                        .path("text")
                                                        .asString()
                                                        .length())
                                        .isLessThan(4096));
    }

    private void awaitPreview(TestHousehold household, String text) {
        org.awaitility.Awaitility.await()
                .until(
                        () ->
                                api.get(
                                                "/api/v1/briefings/preview?date=2026-11-26",
                                                household.token())
                                        .body()
                                        .path("content")
                                        .asString()
                                        .contains(text));
    }

    private JsonNode deliveries(TestHousehold household) {
        return api.get("/api/v1/briefings", household.token())
                .body()
                .path("briefs")
                .get(0)
                .path("deliveries");
    }
}
