package dev.stevens.briefing.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** A deployment without a Telegram bot token still writes briefs and says why none was sent. */
@TestPropertySource(properties = "stevens.telegram.bot-token=")
@ExtendWith(OutputCaptureExtension.class)
class NoBotTokenTest extends BriefingIntegrationTest {

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @Autowired WireMockServer wireMock;
    @LocalServerPort int port;

    @Test
    void withoutABotTokenTheTelegramDeliveryIsSkippedWithoutAnyHttpCall(CapturedOutput output) {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        clock.set(Instant.parse("2026-11-26T07:00:01Z"));

        scheduler.tick();
        scheduler.tick();

        assertThat(wireMock.getAllServeEvents()).isEmpty();
        JsonNode delivery =
                new ApiClient(port)
                        .get("/api/v1/briefings", household.token())
                        .body()
                        .path("briefs")
                        .get(0)
                        .path("deliveries")
                        .get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("SKIPPED");
        assertThat(delivery.path("lastError").asString())
                .isEqualTo("no Telegram bot token configured");
        assertThat(delivery.path("attempts").asInt()).isZero();
        assertThat(output)
                .contains("INFO")
                .contains("not sent by telegram: no Telegram bot token configured");
    }
}
