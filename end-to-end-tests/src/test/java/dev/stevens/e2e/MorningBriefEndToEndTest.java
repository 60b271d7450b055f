package dev.stevens.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.launcher.ServicePorts;
import dev.stevens.launcher.StevensServices;
import dev.stevens.testing.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole flow across all three services, on one real broker and one real PostgreSQL server,
 * driven only through HTTP: an import becomes a memory, the memory appears in the preview, and at
 * the brief time exactly one brief reaches the (stub) Telegram Bot API with a recorded receipt.
 */
class MorningBriefEndToEndTest {

    private static final String TOKEN = "stv_end-to-end-token-0123456789abcdefghijklmnop";
    private static final String BOT_TOKEN = "123456:end-to-end-bot-token";
    private static final long CHAT_ID = 4242L;
    private static final String PASSWORD = "end-to-end-password";
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static WireMockServer telegram;
    private static StevensServices stevens;
    private static ZoneId zone;
    private static LocalDate today;

    @BeforeAll
    static void startTheWholeSystem() {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(
                post(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"ok\":true,\"result\":{\"message_id\":777,"
                                                        + "\"chat\":{\"id\":4242},\"date\":0}}")));

        // a zone where it is mid-morning now, so "later today" and "a minute ago" are both today
        int hoursBehindUtc = Math.min(12, LocalTime.now(ZoneOffset.UTC).getHour() - 10);
        zone = ZoneId.of(String.format("Etc/GMT%+d", hoursBehindUtc)); // Etc/GMT+10 is UTC-10
        today = LocalDate.now(zone);

        RealInfrastructure infra = RealInfrastructure.shared();
        var memoryDb = infra.newDatabase("e2e_memory");
        var briefingDb = infra.newDatabase("e2e_briefing");
        Map<String, String> shared = new HashMap<>();
        shared.put("spring.kafka.bootstrap-servers", infra.bootstrapServers());
        shared.put("stevens.demo.enabled", "true");
        // a demo household of its own: the shared broker carries every test's households
        shared.put("stevens.demo.household-id", UUID.randomUUID().toString());
        shared.put("stevens.demo.token", TOKEN);
        shared.put("stevens.demo.password", PASSWORD);
        shared.put("stevens.demo.time-zone", zone.getId());
        // not due until the test moves it: however slow the start, no brief goes out before the
        // import
        shared.put("stevens.demo.brief-time", "23:59:59");
        shared.put("stevens.demo.telegram-chat-id", Long.toString(CHAT_ID));
        shared.put("stevens.telegram.base-url", telegram.baseUrl());
        shared.put("stevens.telegram.bot-token", BOT_TOKEN);
        shared.put("stevens.briefing.tick", "500ms");
        stevens =
                StevensServices.start(
                        shared,
                        memoryDb.jdbcUrl(),
                        briefingDb.jdbcUrl(),
                        memoryDb.username(),
                        memoryDb.password(),
                        ServicePorts.RANDOM);
    }

    @AfterAll
    static void stopTheWholeSystem() {
        if (stevens != null) {
            stevens.close();
        }
        if (telegram != null) {
            telegram.stop();
        }
    }

    @Test
    void anImportBecomesAMemoryAPreviewAndExactlyOneTelegramBrief() throws Exception {
        String body =
                "{\"source\":\"reminder\",\"text\":\"Dentist at 3pm\",\"date\":\"" + today + "\"}";
        HttpResponse<String> accepted =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        send(
                                                authorizedPost(
                                                        stevens.ingestPort(),
                                                        "/api/v1/imports",
                                                        body)),
                                response -> response.statusCode() == 202);
        assertThat(json.readTree(accepted.body()).path("eventId").asString()).isNotBlank();

        String window = "/api/v1/memories?from=" + today + "&to=" + today.plusDays(7);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            JsonNode page = getJson(stevens.memoryPort(), window);
                            assertThat(page.path("items").findValuesAsString("text"))
                                    .containsExactly("Dentist at 3pm");
                        });

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(
                                                getJson(
                                                                stevens.briefingPort(),
                                                                "/api/v1/briefings/preview?date="
                                                                        + today)
                                                        .path("content")
                                                        .asString())
                                        .contains("Dentist at 3pm"));

        // the owner moves today's brief to a minute ago on the dashboard: it falls due at once
        var owner = DashboardSession.login(stevens.memoryPort(), "demo", PASSWORD);
        var saved =
                owner.submit(
                        "/settings/general",
                        "/settings",
                        Map.of(
                                "timeZone",
                                zone.getId(),
                                "briefTime",
                                LocalTime.now(zone)
                                        .minusMinutes(1)
                                        .truncatedTo(ChronoUnit.MINUTES)
                                        .toString(),
                                "formOfAddress",
                                "Sir",
                                "language",
                                "en"));
        assertThat(saved.statusCode()).isEqualTo(302);

        var sendMessage =
                postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo("4242")))
                        .withRequestBody(
                                matchingJsonPath(
                                        "$.text", matchingRegex("(?s).*Dentist at 3pm.*")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> telegram.verify(1, sendMessage));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            JsonNode history = getJson(stevens.briefingPort(), "/api/v1/briefings");
                            assertThat(history.toString()).contains("777").contains("DELIVERED");
                        });
        // later scheduler ticks must not send the day's brief again (to this household's chat:
        // the shared broker also carries other tests' households, which may be briefed late here)
        var toThisChat =
                postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo("4242")));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(telegram.findAll(toThisChat)).hasSize(1));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern matchingRegex(
            String regex) {
        return com.github.tomakehurst.wiremock.client.WireMock.matching(regex);
    }

    private static HttpRequest authorizedPost(int port, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static JsonNode getJson(int port, String path) throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + TOKEN)
                                .GET()
                                .build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
