package dev.stevens.briefing.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Every stored brief says what is new in it since the household's previous brief. */
class BriefNoveltyTest extends BriefingIntegrationTest {

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @LocalServerPort int port;

    @Test
    void theHistoryListsTheMemoriesThatAreNewOrChangedSinceThePreviousBrief() {
        var api = new ApiClient(port);
        TestHousehold household =
                households.create(
                        "Europe/London", LocalTime.of(7, 0), false, List.of("briefings:read"));
        LocalDate thursday = LocalDate.parse("2026-11-26");
        UUID standing = households.publishMemory(household, null, "Miss Kenton prefers Earl Grey.");
        UUID changing = UUID.randomUUID();
        households.publishMemory(
                household, changing, thursday.plusDays(2), "Lunch at one.", 1, false);
        awaitPreviewMentions(api, household, thursday, "Lunch at one.");
        clock.set(Instant.parse("2026-11-26T07:00:05Z"));
        scheduler.tick();

        households.publishMemory(
                household, changing, thursday.plusDays(2), "Lunch at two.", 2, false);
        UUID added = households.publishMemory(household, thursday.plusDays(1), "The bins go out.");
        awaitPreviewMentions(api, household, thursday.plusDays(1), "The bins go out.");
        clock.set(Instant.parse("2026-11-27T07:00:05Z"));
        scheduler.tick();

        JsonNode briefs = api.get("/api/v1/briefings", household.token()).body().path("briefs");
        assertThat(briefs.size()).isEqualTo(2);
        assertThat(ids(briefs.get(1).path("newMemories")))
                .containsExactlyInAnyOrder(standing.toString(), changing.toString());
        assertThat(ids(briefs.get(0).path("newMemories")))
                .containsExactlyInAnyOrder(added.toString(), changing.toString());
        assertThat(briefs.get(0).path("newMemories").toString()).contains("\"version\":2");
        assertThat(briefs.get(0).path("content").asString()).contains("Lunch at two.");
        assertThat(briefs.get(0).path("deliveries").isArray()).isTrue();
    }

    private static List<String> ids(JsonNode refs) {
        return refs.valueStream().map(r -> r.path("id").asString()).toList();
    }

    private static void awaitPreviewMentions(
            ApiClient api, TestHousehold household, LocalDate date, String text) {
        await().until(
                        () ->
                                api.get("/api/v1/briefings/preview?date=" + date, household.token())
                                        .body()
                                        .path("content")
                                        .asString()
                                        .contains(text));
    }
}
