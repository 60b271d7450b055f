package dev.stevens.memory.notebook;

import static dev.stevens.memory.TestCommands.command;
import static dev.stevens.memory.TestImports.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.MemoryChanged;
import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestCommands;
import dev.stevens.memory.TestImports;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The changelog is the notebook: read from the start it rebuilds exactly what the database has. */
@MemoryServiceTest
class ChangelogReplayTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Retention retention;

    /** What a changelog consumer keeps per memory: id, version, text, deleted, archived … */
    record State(
            UUID household,
            String source,
            String externalKey,
            LocalDate date,
            String text,
            List<String> tags,
            long version,
            boolean deleted,
            boolean archived,
            LocalDate validUntil,
            java.time.Instant updatedAt) {}

    @Test
    void aReadModelRebuiltFromTheStartOfTheChangelogEqualsTheDatabase() {
        UUID household = households.create(NewHousehold.named("Replay " + UUID.randomUUID()));
        var imports = new TestImports(json);
        var commands = new TestCommands(json);
        imports.send(event(household, "calendar", "a", LocalDate.of(2026, 3, 1), "Swim"));
        imports.send(event(household, "calendar", "a", LocalDate.of(2026, 3, 1), "Swim at 5"));
        imports.send(event(household, "weather", "w", LocalDate.of(2020, 1, 1), "Old rain"));
        imports.send(household, "Plain note");
        UUID created = UUID.randomUUID();
        commands.send(
                command(
                        household,
                        new MemoryCommandIssued.Data(
                                MemoryCommandIssued.Action.CREATE,
                                created,
                                "From chat",
                                null,
                                List.of("x"),
                                "telegram:Ada",
                                null)));
        commands.send(
                command(
                        household,
                        new MemoryCommandIssued.Data(
                                MemoryCommandIssued.Action.DELETE,
                                created,
                                null,
                                null,
                                null,
                                "telegram:Ada",
                                null)));
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                jdbc.sql(
                                                                "select count(*) from memories where household_id = :h and version >= 2 and deleted")
                                                        .param("h", household)
                                                        .query(Long.class)
                                                        .single()
                                                == 1
                                        && jdbc.sql(
                                                                "select count(*) from memories where household_id = :h")
                                                        .param("h", household)
                                                        .query(Long.class)
                                                        .single()
                                                == 4);
        retention.archiveDue(LocalDate.now());
        await().until(
                        () ->
                                jdbc.sql("select count(*) from outbox").query(Long.class).single()
                                        == 0);

        Map<UUID, State> database = database();
        Map<UUID, State> rebuilt = rebuild();

        assertThat(database).isNotEmpty();
        assertThat(rebuilt).isEqualTo(database);
        assertThat(database.values()).anyMatch(State::archived).anyMatch(State::deleted);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOneInTheReadModel() {
        Map<UUID, MemoryChanged.Snapshot> model = new HashMap<>();
        UUID id = UUID.randomUUID();
        var v2 =
                new MemoryChanged.Snapshot(
                        id, "note", null, null, "new", List.of(), 2, false, null, null, null);
        var v1 =
                new MemoryChanged.Snapshot(
                        id, "note", null, null, "old", List.of(), 1, false, null, null, null);
        keepNewer(model, v2);
        keepNewer(model, v1);
        assertThat(model.get(id).text()).isEqualTo("new");
    }

    private static void keepNewer(
            Map<UUID, MemoryChanged.Snapshot> model, MemoryChanged.Snapshot s) {
        model.merge(
                s.memoryId(),
                s,
                (old, incoming) -> incoming.version() > old.version() ? incoming : old);
    }

    private Map<UUID, State> rebuild() {
        Map<UUID, MemoryChanged.Snapshot> model = new HashMap<>();
        Map<UUID, UUID> householdOf = new HashMap<>();
        for (var record : TestKafka.readAll(Topics.MEMORIES, r -> true)) {
            MemoryChanged changed = json.readValue(record.value(), MemoryChanged.class);
            keepNewer(model, changed.data());
            householdOf.put(changed.data().memoryId(), changed.household());
        }
        Map<UUID, State> states = new HashMap<>();
        model.forEach(
                (id, s) ->
                        states.put(
                                id,
                                new State(
                                        householdOf.get(id),
                                        s.source(),
                                        s.externalKey(),
                                        s.date(),
                                        s.text(),
                                        s.tags(),
                                        s.version(),
                                        s.deleted(),
                                        s.archived(),
                                        s.validUntil(),
                                        s.updatedAt())));
        return states;
    }

    private Map<UUID, State> database() {
        Map<UUID, State> states = new HashMap<>();
        jdbc.sql("select * from memories")
                .query(
                        rs -> {
                            states.put(
                                    rs.getObject("id", UUID.class),
                                    new State(
                                            rs.getObject("household_id", UUID.class),
                                            rs.getString("source"),
                                            rs.getString("external_key"),
                                            rs.getObject("memory_date", LocalDate.class),
                                            rs.getString("text"),
                                            List.of((String[]) rs.getArray("tags").getArray()),
                                            rs.getLong("version"),
                                            rs.getBoolean("deleted"),
                                            rs.getBoolean("archived"),
                                            rs.getObject("valid_until", LocalDate.class),
                                            rs.getObject("updated_at", OffsetDateTime.class)
                                                    .toInstant()));
                        });
        return states;
    }
}
