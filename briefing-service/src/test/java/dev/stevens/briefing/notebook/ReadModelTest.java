package dev.stevens.briefing.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import dev.stevens.events.MemoryChanged;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ReadModelTest extends BriefingIntegrationTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-26");

    @Autowired TestHouseholds households;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;
    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        clock.set(Instant.parse("2026-11-26T06:00:00Z"));
    }

    @Test
    void householdsAreBuiltFromSettingsEventsAndOnlyNewerVersionsApply() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        assertThat(nextBriefLocalTime(household)).isEqualTo("2026-11-26T07:00:00");

        households.publishSettings(
                household,
                "Europe/London",
                LocalTime.of(8, 15),
                "Sir",
                3,
                List.of("briefings:read"));
        await().until(() -> nextBriefLocalTime(household).equals("2026-11-26T08:15:00"));

        households.publishSettings(
                household,
                "Europe/London",
                LocalTime.of(6, 0),
                "Sir",
                2,
                List.of("briefings:read"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> nextBriefLocalTime(household).equals("2026-11-26T08:15:00"));
    }

    @Test
    void previewMentionsTodaysMemoryAndTomorrowsUnderLookingAhead() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        UUID dentist = households.publishMemory(household, TODAY, "Dentist at 10:00.");
        UUID bins = households.publishMemory(household, TODAY.plusDays(1), "The bins go out.");

        await().until(() -> preview(household).path("memoryIds").size() == 2);

        JsonNode preview = preview(household);
        String content = preview.path("content").asString();
        assertThat(preview.path("date").asString()).isEqualTo("2026-11-26");
        assertThat(preview.path("household").asString()).isEqualTo(household.id().toString());
        assertThat(preview.path("composer").asString()).isEqualTo("stevens-deterministic");
        assertThat(content)
                .contains("Good morning, Sir.")
                .contains("Today\n- Dentist at 10:00.")
                .contains("Looking ahead\nFriday 27 November\n- The bins go out.");
        assertThat(preview.path("memoryIds").values())
                .extracting(JsonNode::asString)
                .containsExactly(dentist.toString(), bins.toString());
    }

    @Test
    void anOlderVersionOfAMemoryChangesNothing() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        UUID memory = UUID.randomUUID();
        households.publishMemory(household, memory, TODAY, "Tea with the vicar at four.", 2, false);
        await().until(() -> content(household).contains("Tea with the vicar at four."));

        households.publishMemory(
                household, memory, TODAY, "Tea with the vicar at three.", 1, false);
        households.publishMemory(household, memory, TODAY, "Tea with the vicar at four.", 2, false);

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(
                        () ->
                                content(household).contains("at four")
                                        && !content(household).contains("at three"));
    }

    @Test
    void aDeletedMemoryDisappearsFromThePreview() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        UUID memory = UUID.randomUUID();
        households.publishMemory(household, memory, null, "The boiler needs a service.", 1, false);
        await().until(
                        () ->
                                content(household)
                                        .contains(
                                                "For your background\n- The boiler needs a service."));

        households.publishMemory(household, memory, null, "The boiler needs a service.", 2, true);

        await().until(() -> !content(household).contains("boiler"));
        assertThat(preview(household).path("memoryIds").size()).isZero();
    }

    @Test
    void archivedAndExpiredMemoriesNeverReachABrief() {
        TestHousehold household = households.create("Europe/London", LocalTime.of(7, 0));
        households.publishSnapshot(household, snapshot(TODAY, "Piano at five.", false, null));
        households.publishSnapshot(household, snapshot(TODAY, "Old forecast.", true, null));
        households.publishSnapshot(
                household, snapshot(TODAY, "Expired offer.", false, TODAY.minusDays(1)));
        households.publishSnapshot(
                household, snapshot(null, "Valid through Friday.", false, TODAY.plusDays(1)));
        await().until(() -> readModelSize(household) == 4);

        assertThat(content(household))
                .contains("Piano at five.", "Valid through Friday.")
                .doesNotContain("Old forecast", "Expired offer");
    }

    private static MemoryChanged.Snapshot snapshot(
            LocalDate date, String text, boolean archived, LocalDate validUntil) {
        Instant at = Instant.parse("2026-11-01T00:00:00Z");
        return new MemoryChanged.Snapshot(
                UUID.randomUUID(),
                "reminder",
                null,
                date,
                text,
                List.of(),
                1,
                false,
                at,
                at,
                UUID.randomUUID(),
                archived,
                validUntil);
    }

    private long readModelSize(TestHousehold household) {
        return jdbc.sql("select count(*) from memories where household_id = :h")
                .param("h", household.id())
                .query(Long.class)
                .single();
    }

    private JsonNode preview(TestHousehold household) {
        var response = api.get("/api/v1/briefings/preview", household.token());
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private String content(TestHousehold household) {
        return preview(household).path("content").asString();
    }

    private String nextBriefLocalTime(TestHousehold household) {
        var response = api.get("/api/v1/briefings", household.token());
        assertThat(response.status()).isEqualTo(200);
        return response.body().path("nextBrief").path("localTime").asString();
    }
}
