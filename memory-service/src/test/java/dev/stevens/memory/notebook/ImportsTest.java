package dev.stevens.memory.notebook;

import static dev.stevens.memory.TestImports.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestImports;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class ImportsTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    TestImports imports;
    UUID household;

    @BeforeEach
    void freshHousehold() {
        imports = new TestImports(json);
        household = households.create(NewHousehold.named("Imports " + UUID.randomUUID()));
    }

    @Test
    void anImportBecomesAMemoryWithOneRevision() {
        imports.send(
                event(
                        household,
                        "calendar",
                        "evt-1",
                        LocalDate.of(2026, 5, 4),
                        "Dentist at 9",
                        "health"));

        awaitMemories(1);
        var memory =
                jdbc.sql("select * from memories where household_id = :h")
                        .param("h", household)
                        .query(
                                (rs, n) ->
                                        rs.getString("text")
                                                + "|"
                                                + rs.getLong("version")
                                                + "|"
                                                + rs.getObject("memory_date"))
                        .single();
        assertThat(memory).isEqualTo("Dentist at 9|1|2026-05-04");
        assertThat(revisions()).isEqualTo(1);
    }

    @Test
    void theSameExternalKeyReplacesTheMemoryAndBumpsItsVersion() {
        imports.send(
                event(household, "calendar", "evt-1", LocalDate.of(2026, 5, 4), "Dentist at 9"));
        imports.send(
                event(household, "calendar", "evt-1", LocalDate.of(2026, 5, 4), "Dentist at 10"));

        await().untilAsserted(() -> assertThat(versionOf("evt-1")).isEqualTo(2));
        assertThat(count("memories")).isEqualTo(1);
        assertThat(revisions()).isEqualTo(2);
        assertThat(
                        jdbc.sql("select text from memories where household_id = :h")
                                .param("h", household)
                                .query(String.class)
                                .single())
                .isEqualTo("Dentist at 10");
    }

    @Test
    void anIdenticalReimportChangesNothingAndPublishesNothing() {
        imports.send(
                event(household, "calendar", "evt-1", null, "Bins go out on Tuesdays", "home"));
        imports.send(
                event(household, "calendar", "evt-1", null, "Bins go out on Tuesdays", "home"));
        ImportReceived marker = imports.send(household, "marker after the re-import");

        awaitMemories(2);
        UUID memory = memoryIdOf("evt-1");
        UUID markerMemory =
                jdbc.sql("select id from memories where last_event_id = :e")
                        .param("e", marker.id())
                        .query(UUID.class)
                        .single();
        // the changelog is relayed in commit order: once the marker is out, so is anything before
        // it
        await().until(() -> !TestKafka.readAllWithKey(Topics.MEMORIES, markerMemory).isEmpty());

        assertThat(versionOf("evt-1")).isEqualTo(1);
        assertThat(revisions()).isEqualTo(2); // one for the memory, one for the marker
        assertThat(TestKafka.readAllWithKey(Topics.MEMORIES, memory)).hasSize(1);
    }

    @Test
    void aReplayedEventIsAppliedOnlyOnce() {
        ImportReceived original = imports.send(household, "Milk is in the fridge");
        imports.send(original);
        imports.send(household, "marker after the replay");

        awaitMemories(2);
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(5))
                .until(() -> count("memories") == 2);
        assertThat(
                        jdbc.sql("select count(*) from memories where last_event_id = :e")
                                .param("e", original.id())
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
    }

    @Test
    void everyChangeIsPublishedAsAFullSnapshotKeyedByMemoryId() {
        ImportReceived event =
                imports.send(
                        event(
                                household,
                                "reminder",
                                "r-7",
                                LocalDate.of(2026, 6, 1),
                                "Call grandma",
                                "family",
                                "phone"));
        awaitMemories(1);
        UUID memory = memoryIdOf("r-7");

        await().until(() -> !TestKafka.readAllWithKey(Topics.MEMORIES, memory).isEmpty());
        var record = TestKafka.readAllWithKey(Topics.MEMORIES, memory).get(0);
        JsonNode changed = json.readTree(record.value());
        assertThat(changed.get("type").asString()).isEqualTo("dev.stevens.memory.changed");
        assertThat(changed.get("household").asString()).isEqualTo(household.toString());
        JsonNode data = changed.get("data");
        assertThat(data.get("memoryId").asString()).isEqualTo(memory.toString());
        assertThat(data.get("source").asString()).isEqualTo("reminder");
        assertThat(data.get("externalKey").asString()).isEqualTo("r-7");
        assertThat(data.get("date").asString()).isEqualTo("2026-06-01");
        assertThat(data.get("text").asString()).isEqualTo("Call grandma");
        assertThat(data.get("tags").toString()).isEqualTo("[\"family\",\"phone\"]");
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("deleted").asBoolean()).isFalse();
        assertThat(data.get("causedBy").asString()).isEqualTo(event.id().toString());
        assertThat(new String(record.value())).doesNotContain("dev.stevens.events");
        assertThat(new String(record.headers().lastHeader("ce_type").value()))
                .isEqualTo("dev.stevens.memory.changed");
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
    }

    private void awaitMemories(long expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count("memories") == expected);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
    }

    private long revisions() {
        return jdbc.sql(
                        "select count(*) from memory_revisions r join memories m on m.id = r.memory_id where m.household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
    }

    private long versionOf(String externalKey) {
        return jdbc.sql(
                        "select coalesce(max(version), 0) from memories where household_id = :h and external_key = :k")
                .param("h", household)
                .param("k", externalKey)
                .query(Long.class)
                .single();
    }

    private UUID memoryIdOf(String externalKey) {
        return jdbc.sql("select id from memories where household_id = :h and external_key = :k")
                .param("h", household)
                .param("k", externalKey)
                .query(UUID.class)
                .single();
    }
}
