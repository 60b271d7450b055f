package dev.stevens.memory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.BriefIssued;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.households.HouseholdSettingsChangelog;
import dev.stevens.memory.households.Households;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class DeadLettersAndFeedsTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
    @Autowired JsonMapper json;
    @Autowired HouseholdSettingsChangelog changelog;
    @Autowired TransactionTemplate transactions;
    @LocalServerPort int port;

    DashboardFixture.Account owner;
    DashboardClient client;

    @BeforeEach
    void setUp() {
        owner = new DashboardFixture(households, jdbc, passwords).household("OWNER");
        client = new DashboardClient(port);
        client.login(owner.username(), DashboardFixture.PASSWORD);
    }

    @Test
    void aPoisonRecordShowsWithItsReasonAndReplayRepublishesTheOriginalBytes() {
        String key = owner.household().toString();
        byte[] poison =
                ("{\"household\":\"" + key + "\",\"not\":\"an importer run\"}")
                        .getBytes(StandardCharsets.UTF_8);
        TestKafka.send(Topics.IMPORTER_RUNS, key, poison);
        await().until(() -> client.get("/dead-letters").body().contains("an importer run"));
        String page = client.get("/dead-letters").body();
        assertThat(page).contains("stevens.importer-runs.v1.dlt", "Failed to convert from JSON");

        var response = client.post("/dead-letters/replay-all", "/dead-letters", Map.of());
        assertThat(response.statusCode()).isEqualTo(302);
        await().until(() -> TestKafka.readAllWithKey(Topics.IMPORTER_RUNS, key).size() == 2);
        TestKafka.readAllWithKey(Topics.IMPORTER_RUNS, key)
                .forEach(r -> assertThat(r.value()).isEqualTo(poison));
        assertThat(client.get("/dead-letters").body()).contains("replayed");

        // another household's owner sees none of it and cannot replay it
        var stranger = new DashboardFixture(households, jdbc, passwords).household("OWNER");
        var other = new DashboardClient(port);
        other.login(stranger.username(), DashboardFixture.PASSWORD);
        assertThat(other.get("/dead-letters").body()).doesNotContain("an importer run");
        var dlt = TestKafka.readAllWithKey(Topics.deadLetterOf(Topics.IMPORTER_RUNS), key).get(0);
        assertThat(
                        other.post(
                                        "/dead-letters/replay",
                                        "/dead-letters",
                                        Map.of(
                                                "topic",
                                                dlt.topic(),
                                                "partition",
                                                "" + dlt.partition(),
                                                "offset",
                                                "" + dlt.offset()))
                                .statusCode())
                .isEqualTo(404);
    }

    @Test
    void importerRunsChatAndBriefsFromKafkaShowOnTheirPages() {
        UUID h = owner.household();
        var now = Instant.now();
        publish(
                Topics.IMPORTER_RUNS,
                h,
                ImporterRunFinished.of(
                        UUID.randomUUID(),
                        "/test",
                        now,
                        h,
                        new ImporterRunFinished.Data(
                                "calendar",
                                "family",
                                now.minusSeconds(5),
                                now,
                                3,
                                1,
                                "HTTP 404 from feed")));
        publish(
                Topics.CHAT,
                h,
                ChatMessagePosted.of(
                        UUID.randomUUID(),
                        "/test",
                        now,
                        h,
                        new ChatMessagePosted.Message(
                                "telegram", "1", "7", "Ada", false, "What's on <b>today</b>?")));
        UUID memory =
                new DashboardFixture(households, jdbc, passwords)
                        .memory(h, "Dentist at 9", LocalDate.now());
        UUID brief = UUID.randomUUID();
        publish(
                Topics.BRIEFS,
                brief,
                BriefIssued.of(
                        UUID.randomUUID(),
                        now,
                        h,
                        new BriefIssued.Data(
                                brief,
                                LocalDate.now(),
                                "Good morning. Dentist at 9.",
                                "deterministic/1",
                                List.of(memory),
                                List.of(
                                        new BriefIssued.Delivery(
                                                "telegram",
                                                "Household",
                                                "DELIVERED",
                                                "message 42",
                                                null,
                                                now)),
                                2)));

        await().until(() -> client.get("/imports").body().contains("HTTP 404 from feed"));
        assertThat(client.get("/imports").body()).contains("<svg", "<rect");
        await().until(
                        () ->
                                client.get("/chat")
                                        .body()
                                        .contains("What&#39;s on &lt;b&gt;today&lt;/b&gt;?"));
        await().until(() -> client.get("/briefs").body().contains("Good morning. Dentist at 9."));
        assertThat(client.get("/briefs").body()).contains("message 42", "Dentist at 9");
    }

    @Test
    void settingsChangesBumpTheVersionAndPublishTheFullSettings() {
        UUID h = owner.household();
        long before = version(h);
        var saved =
                client.post(
                        "/settings/general",
                        "/settings",
                        Map.of(
                                "timeZone",
                                "Europe/London",
                                "briefTime",
                                "06:45",
                                "formOfAddress",
                                "Madam",
                                "language",
                                "en"));
        assertThat(saved.statusCode()).isEqualTo(302);
        client.post(
                "/settings/recipients",
                "/settings",
                Map.of(
                        "name",
                        "Ada",
                        "email",
                        "ada@example.org",
                        "quietStart",
                        "22:00",
                        "quietEnd",
                        "07:00"));
        var token =
                client.post(
                        "/settings/tokens",
                        "/settings",
                        Map.of("label", "phone", "scopes", "memories:read"));
        assertThat(token.statusCode()).isEqualTo(302);
        String page = client.get("/settings").body();
        assertThat(page).contains("new-token", "Europe/London", "ada@example.org");
        assertThat(client.get("/settings").body()).doesNotContain("Your new API token");
        assertThat(version(h)).isEqualTo(before + 3);
        await().until(
                        () ->
                                TestKafka.readAllWithKey(Topics.HOUSEHOLDS, h).stream()
                                        .anyMatch(
                                                r ->
                                                        new String(
                                                                                r.value(),
                                                                                StandardCharsets
                                                                                        .UTF_8)
                                                                        .contains("ada@example.org")
                                                                && new String(
                                                                                r.value(),
                                                                                StandardCharsets
                                                                                        .UTF_8)
                                                                        .contains(
                                                                                "Europe/London")));
        assertThat(
                        client.post(
                                        "/settings/general",
                                        "/settings",
                                        Map.of(
                                                "timeZone",
                                                "Mars/Olympus",
                                                "briefTime",
                                                "06:45",
                                                "formOfAddress",
                                                "Madam"))
                                .statusCode())
                .isEqualTo(302);
        assertThat(version(h)).isEqualTo(before + 3);
    }

    @Test
    void aSettingsChangeFromOutsideTheDashboardKeepsWhatTheDashboardSaved() {
        UUID h = owner.household();
        client.post(
                "/settings/recipients",
                "/settings",
                Map.of("name", "Grace", "email", "grace@example.org"));
        // the token API and the demo set-up publish through the same changelog
        transactions.executeWithoutResult(status -> changelog.recordChange(h));

        await().untilAsserted(
                        () -> {
                            var records = TestKafka.readAllWithKey(Topics.HOUSEHOLDS, h);
                            var latest = json.readTree(records.get(records.size() - 1).value());
                            assertThat(latest.path("data").path("version").asLong())
                                    .isEqualTo(version(h));
                            assertThat(latest.path("data").path("recipients").toString())
                                    .contains("grace@example.org");
                        });
    }

    private long version(UUID h) {
        return jdbc.sql("select version from households where id = :h")
                .param("h", h)
                .query(Long.class)
                .single();
    }

    private void publish(String topic, UUID key, Object event) {
        TestKafka.send(topic, key.toString(), json.writeValueAsBytes(event));
    }
}
