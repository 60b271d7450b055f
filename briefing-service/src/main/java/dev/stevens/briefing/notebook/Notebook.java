package dev.stevens.briefing.notebook;

import dev.stevens.events.MemoryChanged.Snapshot;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The briefing service's read model of the notebook, built only from the memory changelog. A
 * snapshot is kept only if it is newer than the stored one, so replaying the topic from the start
 * leaves the table exactly as it was.
 */
@Component
public class Notebook {

    private final JdbcClient jdbc;

    Notebook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns whether the snapshot was newer than what was stored. */
    boolean apply(UUID household, Snapshot memory) {
        return jdbc.sql(
                                """
                                insert into memories (id, household_id, source, memory_date, text,
                                    tags, version, deleted, updated_at, archived, valid_until)
                                values (:id, :household, :source, :date, :text, :tags, :version,
                                    :deleted, :updatedAt, :archived, :validUntil)
                                on conflict (id) do update set source = excluded.source,
                                    memory_date = excluded.memory_date, text = excluded.text,
                                    tags = excluded.tags, version = excluded.version,
                                    deleted = excluded.deleted, updated_at = excluded.updated_at,
                                    archived = excluded.archived,
                                    valid_until = excluded.valid_until
                                where memories.version < excluded.version
                                    and memories.household_id = excluded.household_id
                                """)
                        .param("id", memory.memoryId())
                        .param("household", household)
                        .param("source", Objects.requireNonNullElse(memory.source(), "unknown"))
                        .param("date", memory.date())
                        .param("text", Objects.requireNonNullElse(memory.text(), ""))
                        .param("tags", memory.tags().toArray(String[]::new))
                        .param("version", memory.version())
                        .param("deleted", memory.deleted())
                        .param("archived", memory.archived())
                        .param("validUntil", memory.validUntil())
                        .param(
                                "updatedAt",
                                memory.updatedAt() == null
                                        ? null
                                        : Timestamp.from(memory.updatedAt()))
                        .update()
                > 0;
    }

    /**
     * Live memories dated {@code from..to} (inclusive) plus all undated ones. Archived memories and
     * those no longer valid on {@code from} never reach a brief.
     */
    public List<NotebookEntry> window(UUID household, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        select id, source, memory_date, text, tags, version, updated_at
                        from memories
                        where household_id = :household and not deleted and not archived
                          and (valid_until is null or valid_until >= :from)
                          and (memory_date is null or memory_date between :from and :to)
                        order by memory_date nulls last, updated_at desc nulls last, id
                        """)
                .param("household", household)
                .param("from", from)
                .param("to", to)
                .query(Notebook::entry)
                .list();
    }

    private static NotebookEntry entry(ResultSet rs, int row) throws SQLException {
        Timestamp updatedAt = rs.getTimestamp("updated_at");
        return new NotebookEntry(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getObject("memory_date", LocalDate.class),
                rs.getString("text"),
                Arrays.asList((String[]) rs.getArray("tags").getArray()),
                rs.getLong("version"),
                updatedAt == null ? null : updatedAt.toInstant());
    }
}
