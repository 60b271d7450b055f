package dev.stevens.briefing.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stevens.briefing.delivery.HouseholdFixture;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.support.kafka.EventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookDeliveryTest extends BriefingIntegrationTest {

    private static final String SECRET = "whsec-test-0123456789";

    @Autowired EventPublisher publisher;
    @Autowired HouseholdDirectory directory;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @Autowired WireMockServer wireMock;
    @LocalServerPort int port;

    @Test
    void theBriefIsPostedAsJsonSignedWithTheHouseholdsSecretOverTheExactBody() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        wireMock.stubFor(
                post(urlEqualTo(path)).willReturn(okJson("{\"id\":\"rcv-42\"}").withStatus(202)));
        TestHousehold household = household(path, SECRET);
        clock.set(Instant.parse("2026-11-26T07:00:01Z"));

        scheduler.tick();

        var request = wireMock.findAll(postRequestedFor(urlEqualTo(path))).get(0);
        byte[] body = request.getBody();
        assertThat(request.getHeader("X-Stevens-Signature"))
                .isEqualTo("sha256=" + hmac(body, SECRET));
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        JsonNode json =
                JsonMapper.builder().build().readTree(new String(body, StandardCharsets.UTF_8));
        assertThat(json.path("household").asString()).isEqualTo(household.id().toString());
        assertThat(json.path("date").asString()).isEqualTo("2026-11-26");
        assertThat(json.path("content").asString()).contains("Your servant,");
        assertThat(request.getHeader("X-Stevens-Delivery"))
                .isEqualTo(json.path("deliveryId").asString());
        JsonNode delivery = delivery(household);
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("receipt").asString()).isEqualTo("HTTP 202 id=rcv-42");
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffAndASignatureChangesWithTheSecret() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        wireMock.stubFor(
                post(urlEqualTo(path))
                        .inScenario(path)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("up"));
        wireMock.stubFor(
                post(urlEqualTo(path))
                        .inScenario(path)
                        .whenScenarioStateIs("up")
                        .willReturn(aResponse().withStatus(200)));
        TestHousehold household = household(path, "another-secret");
        clock.set(Instant.parse("2026-11-26T07:00:01Z"));

        scheduler.tick();
        JsonNode failed = delivery(household);
        assertThat(failed.path("status").asString()).isEqualTo("PENDING");
        assertThat(failed.path("lastError").asString()).isEqualTo("webhook answered 503");
        assertThat(failed.path("nextAttemptAt").asString()).isEqualTo("2026-11-26T07:00:31Z");

        clock.set(Instant.parse("2026-11-26T07:00:31Z"));
        scheduler.tick();

        var requests = wireMock.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getHeader("X-Stevens-Signature"))
                .isEqualTo("sha256=" + hmac(requests.get(1).getBody(), "another-secret"));
        assertThat(delivery(household).path("receipt").asString()).isEqualTo("HTTP 200");
    }

    @Test
    void withoutASigningSecretNothingIsPostedAndTheReasonIsKept() {
        String path = "/hooks/" + UUID.randomUUID();
        TestHousehold household = household(path, null);
        clock.set(Instant.parse("2026-11-26T07:00:01Z"));

        scheduler.tick();

        assertThat(wireMock.findAll(postRequestedFor(urlEqualTo(path)))).isEmpty();
        JsonNode delivery = delivery(household);
        assertThat(delivery.path("status").asString()).isEqualTo("SKIPPED");
        assertThat(delivery.path("lastError").asString()).isEqualTo(WebhookChannel.NO_SECRET);
    }

    private TestHousehold household(String path, String secret) {
        return new HouseholdFixture(publisher, directory)
                .create(
                        "Europe/London",
                        LocalTime.of(7, 0),
                        secret,
                        new Recipient("Hook", null, null, wireMock.baseUrl() + path));
    }

    private JsonNode delivery(TestHousehold household) {
        return new ApiClient(port)
                .get("/api/v1/briefings", household.token())
                .body()
                .path("briefs")
                .get(0)
                .path("deliveries")
                .get(0);
    }

    private static String hmac(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
