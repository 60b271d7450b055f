package dev.stevens.memory.notebook;

import dev.stevens.events.MemoryChanged;
import dev.stevens.events.Topics;
import dev.stevens.memory.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a memory's new state twice, in the transaction that changed it: as a revision (the
 * history the API shows) and as a full snapshot for the compacted {@code stevens.memories.v1}
 * changelog, keyed by memory id.
 */
@Component
class MemoryChangelog {

    private final JdbcClient jdbc;
    private final Outbox outbox;

    MemoryChangelog(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Memory memory, String actor) {
        jdbc.sql(
                        """
                        insert into memory_revisions (memory_id, version, text, memory_date, tags,
                            deleted, event_id, actor, changed_at)
                        values (:id, :version, :text, :date, :tags, :deleted, :eventId, :actor,
                            :changedAt)
                        """)
                .param("id", memory.id())
                .param("version", memory.version())
                .param("text", memory.text())
                .param("date", memory.date())
                .param("tags", memory.tags().toArray(String[]::new))
                .param("deleted", memory.deleted())
                .param("eventId", memory.lastEventId())
                .param("actor", actor)
                .param("changedAt", MemoryStore.utc(memory.updatedAt()))
                .update();
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
                        memory.lastEventId());
        // deterministic id: one memory version is one changelog event, however often it is sent
        UUID eventId =
                UUID.nameUUIDFromBytes(
                        ("memory:" + memory.id() + ":" + memory.version())
                                .getBytes(StandardCharsets.UTF_8));
        outbox.append(
                Topics.MEMORIES,
                memory.id().toString(),
                MemoryChanged.of(eventId, memory.updatedAt(), memory.household(), snapshot));
    }
}
