package dev.stevens.briefing.delivery;

import dev.stevens.events.StevensEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events into the outbox table inside the caller's transaction, so an event exists exactly
 * when the state it describes was committed. {@link OutboxRelay} publishes them.
 */
@Component
class EventOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EventOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(String topic, String key, StevensEvent event) {
        jdbc.sql(
                        "insert into outbox_events (topic, event_key, event_type, payload)"
                                + " values (?, ?, ?, ?)")
                .params(topic, key, event.type(), json.writeValueAsString(event))
                .update();
    }
}
