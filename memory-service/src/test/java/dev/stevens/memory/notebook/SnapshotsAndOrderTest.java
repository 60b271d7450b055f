package dev.stevens.memory.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.ImportSnapshotCompleted;
import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestImports;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.TestNotebook;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class SnapshotsAndOrderTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    TestImports imports;
    TestNotebook notebook;
    UUID household;

    @BeforeEach
    void freshHousehold() {
        imports = new TestImports(json);
        notebook = new TestNotebook(jdbc);
        household = households.create(NewHousehold.named("Snapshots " + UUID.randomUUID()));
    }

    @Test
    void aSnapshotMarksMemoriesOfItsSourceAndScopeThatItNoLongerListsDeleted() {
        item("calendar", "family", "a", "Swimming");
        item("calendar", "family", "b", "Piano lesson");
        item("calendar", "work", "w", "Board meeting"); // another scope of the same source
        item("weather", "family", "a", "Sunny"); // another source with the same scope and key
        snapshot("calendar", "family", List.of("a"));

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                notebook.byKey(household, "b") != null
                                        && notebook.byKey(household, "b").deleted());
        var cancelled = notebook.byKey(household, "b");
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.lastActor()).isEqualTo("snapshot:calendar:family");
        assertThat(notebook.actors(cancelled.id()))
                .containsExactly("import:calendar", "snapshot:calendar:family");
        assertThat(notebook.memories(household))
                .filteredOn(row -> !row.deleted())
                .extracting(TestNotebook.Row::text)
                .containsExactlyInAnyOrder("Swimming", "Board meeting", "Sunny");
        await().until(() -> TestKafka.readAllWithKey(Topics.MEMORIES, cancelled.id()).size() == 2);
        var last = TestKafka.readAllWithKey(Topics.MEMORIES, cancelled.id()).get(1);
        assertThat(json.readTree(last.value()).get("data").get("deleted").asBoolean()).isTrue();
    }

    @Test
    void anItemASnapshotRemovedComesBackWhenTheSourceListsItAgain() {
        item("calendar", "family", "x", "Dentist");
        snapshot("calendar", "family", List.of());
        await().until(
                        () ->
                                notebook.byKey(household, "x") != null
                                        && notebook.byKey(household, "x").deleted());

        item("calendar", "family", "x", "Dentist");

        await().until(() -> !notebook.byKey(household, "x").deleted());
        assertThat(notebook.byKey(household, "x").version()).isEqualTo(3);
    }

    @Test
    void aSnapshotWithADateWindowLeavesMemoriesDatedBeforeItAsHistory() {
        LocalDate today = LocalDate.parse("2026-11-25");
        dated("old", today.minusDays(3), "Last week's swimming");
        dated("gone", today.plusDays(2), "Cancelled piano lesson");
        dated("kept", today.plusDays(3), "Choir");
        var window =
                new ImportSnapshotCompleted.Data(
                        "calendar",
                        "family",
                        List.of("kept"),
                        today.minusDays(1),
                        today.plusDays(30));
        TestKafka.send(
                Topics.IMPORTS,
                household.toString(),
                json.writeValueAsBytes(
                        ImportSnapshotCompleted.of(
                                UUID.randomUUID(),
                                "/ingest/test",
                                Instant.now(),
                                household,
                                window)));

        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                notebook.byKey(household, "gone") != null
                                        && notebook.byKey(household, "gone").deleted());
        assertThat(notebook.byKey(household, "old").deleted()).isFalse();
        assertThat(notebook.byKey(household, "kept").deleted()).isFalse();
    }

    @Test
    void anOlderImportNeverOverwritesANewerOne() {
        Instant newer = Instant.parse("2026-05-02T10:00:00Z");
        imports.send(at("k", "Forecast from 10:00", newer));
        imports.send(at("k", "Forecast from 09:00", newer.minusSeconds(3600)));
        ImportReceived marker = imports.send(household, "marker");

        await().until(() -> notebook.memories(household).size() == 2);
        await().until(
                        () ->
                                jdbc.sql(
                                                        "select count(*) from processed_events where event_id = :e")
                                                .param("e", marker.id())
                                                .query(Long.class)
                                                .single()
                                        == 1);
        assertThat(notebook.byKey(household, "k").text()).isEqualTo("Forecast from 10:00");
        assertThat(notebook.byKey(household, "k").version()).isEqualTo(1);
    }

    @Test
    void scopeAndValidUntilAreStoredAndPublished() {
        imports.send(
                ImportReceived.of(
                        UUID.randomUUID(),
                        "/ingest/test",
                        Instant.now(),
                        household,
                        new ImportReceived.Data(
                                "weather",
                                "Rain tomorrow",
                                "w-1",
                                LocalDate.of(2026, 11, 26),
                                List.of(),
                                null,
                                "weather:home",
                                LocalDate.of(2026, 11, 26))));
        await().until(() -> notebook.byKey(household, "w-1") != null);
        UUID id = notebook.byKey(household, "w-1").id();
        assertThat(
                        jdbc.sql("select scope || '|' || valid_until from memories where id = :id")
                                .param("id", id)
                                .query(String.class)
                                .single())
                .isEqualTo("weather:home|2026-11-26");
        await().until(() -> !TestKafka.readAllWithKey(Topics.MEMORIES, id).isEmpty());
        var data =
                json.readTree(TestKafka.readAllWithKey(Topics.MEMORIES, id).get(0).value())
                        .get("data");
        assertThat(data.get("validUntil").asString()).isEqualTo("2026-11-26");
        assertThat(data.get("archived").asBoolean()).isFalse();
    }

    @Test
    void anUnknownEventTypeOnTheImportsTopicIsDeadLetteredWithTheReason() {
        String key = household.toString();
        byte[] unknown =
                ("{\"id\":\""
                                + UUID.randomUUID()
                                + "\",\"type\":\"dev.stevens.import.exploded\","
                                + "\"household\":\""
                                + household
                                + "\",\"data\":{}}")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] badSnapshot =
                json.writeValueAsBytes(
                        ImportSnapshotCompleted.of(
                                UUID.randomUUID(),
                                "/ingest/test",
                                Instant.now(),
                                household,
                                new ImportSnapshotCompleted.Data("calendar", " ", List.of())));
        TestKafka.send(Topics.IMPORTS, key, unknown);
        TestKafka.send(Topics.IMPORTS, key, badSnapshot);
        imports.send(household, "still applied");

        await().until(() -> notebook.memories(household).size() == 1);
        await().untilAsserted(
                        () -> {
                            var dead =
                                    TestKafka.readAllWithKey(
                                            Topics.deadLetterOf(Topics.IMPORTS), key);
                            assertThat(DeadLetterTest.reasonFor(dead, unknown))
                                    .contains("unknown event type")
                                    .contains("dev.stevens.import.exploded");
                            assertThat(DeadLetterTest.reasonFor(dead, badSnapshot))
                                    .contains("data.scope");
                        });
    }

    private void item(String source, String scope, String key, String text) {
        imports.send(
                ImportReceived.of(
                        UUID.randomUUID(),
                        "/ingest/test",
                        Instant.now(),
                        household,
                        new ImportReceived.Data(
                                source, text, key, null, List.of(), null, scope, null)));
    }

    private void dated(String key, LocalDate date, String text) {
        imports.send(
                ImportReceived.of(
                        UUID.randomUUID(),
                        "/ingest/test",
                        Instant.now(),
                        household,
                        new ImportReceived.Data(
                                "calendar", text, key, date, List.of(), null, "family", null)));
    }

    private void snapshot(String source, String scope, List<String> keys) {
        var event =
                ImportSnapshotCompleted.of(
                        UUID.randomUUID(),
                        "/ingest/test",
                        Instant.now(),
                        household,
                        new ImportSnapshotCompleted.Data(source, scope, keys));
        TestKafka.send(Topics.IMPORTS, household.toString(), json.writeValueAsBytes(event));
    }

    private ImportReceived at(String key, String text, Instant occurredAt) {
        return ImportReceived.of(
                UUID.randomUUID(),
                "/ingest/test",
                Instant.now(),
                household,
                new ImportReceived.Data("weather", text, key, null, List.of(), occurredAt));
    }
}
