package dev.stevens.memory.outbox;

import dev.stevens.events.StevensEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event to the outbox in the caller's transaction, so the event exists if and only if the
 * change it describes was committed. {@link OutboxRelay} publishes it as soon as that transaction
 * commits.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;
    private final NamedParameterJdbcTemplate batch;
    private final RelaySignal relay;

    Outbox(
            JdbcClient jdbc,
            JsonMapper jsonMapper,
            NamedParameterJdbcTemplate batch,
            RelaySignal relay) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
        this.batch = batch;
        this.relay = relay;
    }

    /** One record to append: topic, key and event. */
    public record Entry(String topic, String key, StevensEvent event) {}

    /** Appends many records with one JDBC batch, in list order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendAll(List<Entry> entries) {
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        batch.batchUpdate(
                """
                insert into outbox (topic, record_key, payload, event_id, created_at)
                values (:topic, :key, cast(:payload as jsonb), :eventId, :createdAt)
                """,
                entries.stream()
                        .map(
                                entry ->
                                        new MapSqlParameterSource()
                                                .addValue("topic", entry.topic())
                                                .addValue("key", entry.key())
                                                .addValue(
                                                        "payload",
                                                        jsonMapper.writeValueAsString(
                                                                entry.event()))
                                                .addValue("eventId", entry.event().id())
                                                .addValue("createdAt", now))
                        .toArray(MapSqlParameterSource[]::new));
        relay.wakeAfterCommit();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, StevensEvent event) {
        jdbc.sql(
                        """
                        insert into outbox (topic, record_key, payload, event_id, created_at)
                        values (:topic, :key, cast(:payload as jsonb), :eventId, :createdAt)
                        """)
                .param("topic", topic)
                .param("key", key)
                .param("payload", jsonMapper.writeValueAsString(event))
                .param("eventId", event.id())
                .param("createdAt", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        relay.wakeAfterCommit();
    }
}
