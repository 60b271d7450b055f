package dev.stevens.memory.notebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memories table, written only inside the caller's transaction. */
@Repository
class MemoryStore {

    private static final String INSERT =
            """
            insert into memories (id, household_id, source, external_key, memory_date, text, tags,
                version, deleted, created_at, updated_at, last_event_id)
            values (:id, :household, :source, :externalKey, :date, :text, :tags, :version,
                :deleted, :createdAt, :updatedAt, :lastEventId)
            """;

    private final JdbcClient jdbc;

    MemoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event id; false if it was already processed. */
    boolean markProcessed(UUID eventId, UUID household) {
        return jdbc.sql(
                                """
                                insert into processed_events (event_id, household_id, processed_at)
                                values (:id, :household, :now)
                                on conflict (event_id) do nothing
                                """)
                        .param("id", eventId)
                        .param("household", household)
                        .param("now", utc(Instant.now()))
                        .update()
                == 1;
    }

    Memory insert(Memory memory) {
        bind(jdbc.sql(INSERT), memory).update();
        return memory;
    }

    /** Inserts the memory unless one with its (household, source, external key) exists. */
    boolean insertIfKeyIsNew(Memory memory) {
        String sql =
                INSERT
                        + " on conflict (household_id, source, external_key)"
                        + " where external_key is not null do nothing";
        return bind(jdbc.sql(sql), memory).update() == 1;
    }

    Optional<Memory> lockByKey(Memory memory) {
        return jdbc.sql(
                        """
                        select * from memories
                        where household_id = :household and source = :source
                            and external_key = :externalKey
                        for update
                        """)
                .param("household", memory.household())
                .param("source", memory.source())
                .param("externalKey", memory.externalKey())
                .query(MemoryStore::map)
                .optional();
    }

    void update(Memory memory) {
        jdbc.sql(
                        """
                        update memories set memory_date = :date, text = :text, tags = :tags,
                            version = :version, deleted = :deleted, updated_at = :updatedAt,
                            last_event_id = :lastEventId
                        where id = :id and household_id = :household
                        """)
                .param("id", memory.id())
                .param("household", memory.household())
                .param("date", memory.date())
                .param("text", memory.text())
                .param("tags", memory.tags().toArray(String[]::new))
                .param("version", memory.version())
                .param("deleted", memory.deleted())
                .param("updatedAt", utc(memory.updatedAt()))
                .param("lastEventId", memory.lastEventId())
                .update();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Memory memory) {
        return spec.param("id", memory.id())
                .param("household", memory.household())
                .param("source", memory.source())
                .param("externalKey", memory.externalKey())
                .param("date", memory.date())
                .param("text", memory.text())
                .param("tags", memory.tags().toArray(String[]::new))
                .param("version", memory.version())
                .param("deleted", memory.deleted())
                .param("createdAt", utc(memory.createdAt()))
                .param("updatedAt", utc(memory.updatedAt()))
                .param("lastEventId", memory.lastEventId());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Memory map(ResultSet rs, int row) throws SQLException {
        return new Memory(
                rs.getObject("id", UUID.class),
                rs.getObject("household_id", UUID.class),
                rs.getString("source"),
                rs.getString("external_key"),
                rs.getObject("memory_date", LocalDate.class),
                rs.getString("text"),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getLong("version"),
                rs.getBoolean("deleted"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_event_id", UUID.class));
    }
}
