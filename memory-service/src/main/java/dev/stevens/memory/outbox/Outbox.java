package dev.stevens.memory.outbox;

import dev.stevens.events.StevensEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an event to the outbox in the caller's transaction, so the event exists if and only if the
 * change it describes was committed. {@link OutboxRelay} publishes it afterwards.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper jsonMapper;

    Outbox(JdbcClient jdbc, JsonMapper jsonMapper) {
        this.jdbc = jdbc;
        this.jsonMapper = jsonMapper;
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
    }
}
