package dev.stevens.memory.notebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The memories table, written only inside the caller's transaction. */
@Repository
class MemoryStore {

    static final String COLUMNS =
            "id, household_id, source, external_key, scope, memory_date, valid_until, text, tags,"
                    + " version, deleted, archived, occurred_at, created_at, updated_at,"
                    + " last_event_id, last_actor";

    private final JdbcClient jdbc;

    MemoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the event id; false if it was already processed. */
    boolean markProcessed(UUID eventId, UUID household) {
        return !markProcessed(List.of(eventId), List.of(household)).isEmpty();
    }

    /** Records the event ids (one statement); returns those not processed before. */
    Set<UUID> markProcessed(List<UUID> eventIds, List<UUID> households) {
        return new HashSet<>(
                jdbc.sql(
                                """
                                insert into processed_events (event_id, household_id, processed_at)
                                select e, h, :now from unnest(cast(:events as uuid[]),
                                    cast(:households as uuid[])) as t(e, h)
                                on conflict (event_id) do nothing
                                returning event_id
                                """)
                        .param("events", strings(eventIds))
                        .param("households", strings(households))
                        .param("now", utc(Instant.now()))
                        .query(UUID.class)
                        .list());
    }

    /** Which of these households exist. */
    Set<UUID> existingHouseholds(Collection<UUID> households) {
        return new HashSet<>(
                jdbc.sql("select id from households where id = any(cast(:ids as uuid[]))")
                        .param("ids", strings(households))
                        .query(UUID.class)
                        .list());
    }

    void insert(Memory memory) {
        jdbc.sql(
                        "insert into memories ("
                                + COLUMNS
                                + """
                                ) values (:id, :household, :source, :externalKey, :scope, :date,
                                    :validUntil, :text, :tags, :version, :deleted, :archived,
                                    :occurredAt, :createdAt, :updatedAt, :lastEventId, :lastActor)
                                """)
                .param("id", memory.id())
                .param("household", memory.household())
                .param("source", memory.source())
                .param("externalKey", memory.externalKey())
                .param("scope", memory.scope())
                .param("date", memory.date())
                .param("validUntil", memory.validUntil())
                .param("text", memory.text())
                .param("tags", memory.tags().toArray(String[]::new))
                .param("version", memory.version())
                .param("deleted", memory.deleted())
                .param("archived", memory.archived())
                .param("occurredAt", utcOrNull(memory.occurredAt()))
                .param("createdAt", utc(memory.createdAt()))
                .param("updatedAt", utc(memory.updatedAt()))
                .param("lastEventId", memory.lastEventId())
                .param("lastActor", memory.lastActor())
                .update();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from memories where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Memory> lock(UUID household, UUID id) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from memories where id = :id and household_id = :household"
                                + " for update")
                .param("id", id)
                .param("household", household)
                .query(MemoryStore::map)
                .optional();
    }

    /**
     * Live memories of this source and scope whose (non-null) key is not among {@code keys}; with a
     * window, only those dated inside it (older ones are history the source no longer lists).
     */
    List<Memory> lockMissingFromSnapshot(
            UUID household,
            String source,
            String scope,
            Collection<String> keys,
            LocalDate from,
            LocalDate to) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + """
                                 from memories where household_id = :household
                                    and source = :source and scope = :scope and not deleted
                                    and external_key is not null
                                    and not (external_key = any(cast(:keys as text[])))
                                    and (cast(:from as date) is null
                                         or memory_date >= cast(:from as date))
                                    and (cast(:to as date) is null
                                         or memory_date <= cast(:to as date))
                                order by id for update
                                """)
                .param("household", household)
                .param("source", source)
                .param("scope", scope)
                .param("keys", keys.toArray(String[]::new))
                .param("from", from)
                .param("to", to)
                .query(MemoryStore::map)
                .list();
    }

    /** Writes the memory's new state, only over the version it was read at. */
    void update(Memory memory) {
        int updated =
                jdbc.sql(
                                """
                                update memories set memory_date = :date, valid_until = :validUntil,
                                    text = :text, tags = :tags, version = :version,
                                    deleted = :deleted, archived = :archived,
                                    archived_at = case when :archived then coalesce(archived_at,
                                        :updatedAt) end,
                                    updated_at = :updatedAt, last_event_id = :lastEventId,
                                    last_actor = :lastActor
                                where id = :id and household_id = :household
                                    and version = :version - 1
                                """)
                        .param("id", memory.id())
                        .param("household", memory.household())
                        .param("date", memory.date())
                        .param("validUntil", memory.validUntil())
                        .param("text", memory.text())
                        .param("tags", memory.tags().toArray(String[]::new))
                        .param("version", memory.version())
                        .param("deleted", memory.deleted())
                        .param("archived", memory.archived())
                        .param("updatedAt", utc(memory.updatedAt()))
                        .param("lastEventId", memory.lastEventId())
                        .param("lastActor", memory.lastActor())
                        .update();
        if (updated != 1) {
            throw new IllegalStateException("memory " + memory.id() + " changed concurrently");
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static OffsetDateTime utcOrNull(Instant instant) {
        return instant == null ? null : utc(instant);
    }

    static String[] strings(Collection<?> values) {
        return values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }

    static Memory map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime occurred = rs.getObject("occurred_at", OffsetDateTime.class);
        return new Memory(
                rs.getObject("id", UUID.class),
                rs.getObject("household_id", UUID.class),
                rs.getString("source"),
                rs.getString("external_key"),
                rs.getString("scope"),
                rs.getObject("memory_date", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getString("text"),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getLong("version"),
                rs.getBoolean("deleted"),
                rs.getBoolean("archived"),
                occurred == null ? null : occurred.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_event_id", UUID.class),
                rs.getString("last_actor"));
    }
}
