package dev.stevens.memory.notebook;

import dev.stevens.events.MemoryChanged;
import dev.stevens.events.Topics;
import dev.stevens.memory.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records memories' new states twice, in the transaction that changed them: as revisions (the
 * history the API shows, with the event and actor of each change) and as full snapshots for the
 * compacted {@code stevens.memories.v1} changelog, keyed by memory id. Many changes are written
 * with one JDBC batch per table.
 */
@Component
class MemoryChangelog {

    private final NamedParameterJdbcTemplate jdbc;
    private final Outbox outbox;

    MemoryChangelog(NamedParameterJdbcTemplate jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Memory memory) {
        recordAll(List.of(memory));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void recordAll(List<Memory> memories) {
        if (memories.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                insert into memory_revisions (memory_id, version, text, memory_date, tags,
                    deleted, event_id, actor, changed_at, archived, valid_until)
                values (:id, :version, :text, :date, :tags, :deleted, :eventId, :actor,
                    :changedAt, :archived, :validUntil)
                """,
                memories.stream()
                        .map(MemoryChangelog::revision)
                        .toArray(MapSqlParameterSource[]::new));
        outbox.appendAll(
                memories.stream()
                        .map(
                                memory ->
                                        new Outbox.Entry(
                                                Topics.MEMORIES,
                                                memory.id().toString(),
                                                changed(memory)))
                        .toList());
    }

    private static MapSqlParameterSource revision(Memory memory) {
        return new MapSqlParameterSource()
                .addValue("id", memory.id())
                .addValue("version", memory.version())
                .addValue("text", memory.text())
                .addValue("date", memory.date())
                .addValue("tags", memory.tags().toArray(String[]::new))
                .addValue("deleted", memory.deleted())
                .addValue("eventId", memory.lastEventId())
                .addValue("actor", memory.lastActor())
                .addValue("changedAt", MemoryStore.utc(memory.updatedAt()))
                .addValue("archived", memory.archived())
                .addValue("validUntil", memory.validUntil());
    }

    static MemoryChanged changed(Memory memory) {
        var snapshot =
                new MemoryChanged.Snapshot(
                        memory.id(),
                        memory.source(),
                        memory.externalKey(),
                        memory.date(),
                        memory.text(),
                        memory.tags(),
                        memory.version(),
                        memory.deleted(),
                        memory.createdAt(),
                        memory.updatedAt(),
                        memory.lastEventId(),
                        memory.archived(),
                        memory.validUntil());
        // deterministic id: one memory version is one changelog event, however often it is sent
        UUID eventId =
                UUID.nameUUIDFromBytes(
                        ("memory:" + memory.id() + ":" + memory.version())
                                .getBytes(StandardCharsets.UTF_8));
        return MemoryChanged.of(eventId, memory.updatedAt(), memory.household(), snapshot);
    }
}
