package dev.stevens.briefing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import dev.stevens.support.security.ApiTokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class BriefingApiTest extends BriefingIntegrationTest {

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @LocalServerPort int port;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        clock.set(Instant.parse("2026-11-26T05:00:00Z"));
    }

    @Test
    void theApiRefusesCallsWithoutAToken() {
        var response = api.get("/api/v1/briefings", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/briefings/preview", null).status()).isEqualTo(401);
    }

    @Test
    void theApiRefusesUnknownTokens() {
        assertThat(api.get("/api/v1/briefings", ApiTokens.generate()).status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheBriefingsScopeIsForbidden() {
        TestHousehold household =
                households.create(
                        "Europe/London", LocalTime.of(7, 0), true, List.of("imports:write"));

        var response = api.get("/api/v1/briefings", household.token());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthIsPublic() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void aHouseholdSeesOnlyItsOwnBriefs() {
        TestHousehold a =
                households.create(
                        "Europe/London", LocalTime.of(7, 0), false, List.of("briefings:read"));
        TestHousehold b =
                households.create(
                        "Europe/London", LocalTime.of(7, 0), false, List.of("briefings:read"));
        LocalDate today = LocalDate.parse("2026-11-26");
        households.publishMemory(b, today, "B's private appointment.");
        await().until(() -> preview(b, "").path("content").asString().contains("B's private"));
        clock.set(Instant.parse("2026-11-26T07:00:01Z"));
        scheduler.tick();

        JsonNode historyOfA = api.get("/api/v1/briefings", a.token()).body();
        JsonNode historyOfB = api.get("/api/v1/briefings", b.token()).body();

        assertThat(historyOfA.path("household").asString()).isEqualTo(a.id().toString());
        assertThat(historyOfA.path("briefs").size()).isEqualTo(1);
        assertThat(historyOfA.toString()).doesNotContain("B's private");
        assertThat(historyOfB.path("briefs").get(0).path("content").asString())
                .contains("B's private appointment.");
        assertThat(preview(a, "").toString()).doesNotContain("B's private");
    }

    @Test
    void thePreviewIsForTodayOnTheHouseholdsOwnClockUnlessADateIsGiven() {
        TestHousehold household = households.create("Asia/Tokyo", LocalTime.of(7, 0));
        clock.set(Instant.parse("2026-11-26T23:30:00Z"));

        assertThat(preview(household, "").path("date").asString()).isEqualTo("2026-11-27");
        assertThat(preview(household, "?date=2026-12-24").path("date").asString())
                .isEqualTo("2026-12-24");
        assertThat(preview(household, "?date=2026-12-24").path("content").asString())
                .contains("It is Thursday 24 December.");
    }

    @Test
    void aMalformedDateIsABadRequestNamingTheParameter() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));

        var response = api.get("/api/v1/briefings/preview?date=26.11.2026", household.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("errors").get(0).path("field").asString())
                .isEqualTo("date");
    }

    @Test
    void anOutOfRangeLimitIsABadRequestNamingTheParameter() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));

        var response = api.get("/api/v1/briefings?limit=0", household.token());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").get(0).path("field").asString())
                .isEqualTo("limit");
    }

    private JsonNode preview(TestHousehold household, String query) {
        var response = api.get("/api/v1/briefings/preview" + query, household.token());
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
