package dev.stevens.briefing.delivery;

import dev.stevens.events.BriefIssued;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.EventTypes;
import dev.stevens.events.StevensEvent;
import dev.stevens.support.kafka.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the outbox to Kafka: a batch of rows is locked ({@code skip locked}, so instances share
 * the work), sent, acknowledged by the broker and only then deleted. A crash in between publishes a
 * row again; consumers are idempotent (event ids and brief versions).
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private record Row(long id, String topic, String key, String type, String payload) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventPublisher publisher;
    private final TransactionTemplate transactions;

    OutboxRelay(
            JdbcClient jdbc,
            JsonMapper json,
            EventPublisher publisher,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.publisher = publisher;
        this.transactions = transactions;
    }

    /** Publishes until the outbox is empty or the broker fails; returns how many were sent. */
    public int publishPending() {
        int total = 0;
        try {
            Integer sent;
            do {
                sent = transactions.execute(status -> publishBatch());
                total += sent == null ? 0 : sent;
            } while (sent != null && sent == BATCH);
        } catch (RuntimeException e) {
            // the rows stay; the next run tries again
            log.warn("Outbox not published this time: {}", e.getMessage());
        }
        return total;
    }

    private int publishBatch() {
        List<Row> rows =
                jdbc.sql(
                                """
                                select id, topic, event_key as key, event_type as type, payload
                                from outbox_events order by id limit ? for update skip locked
                                """)
                        .param(BATCH)
                        .query(Row.class)
                        .list();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (Row row : rows) {
            acks.add(publisher.publish(row.topic(), row.key(), event(row)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge the outbox batch", e);
        }
        if (!rows.isEmpty()) {
            jdbc.sql("delete from outbox_events where id = any(?)")
                    .param(rows.stream().map(Row::id).toArray(Long[]::new))
                    .update();
        }
        return rows.size();
    }

    private StevensEvent event(Row row) {
        Class<? extends StevensEvent> type =
                switch (row.type()) {
                    case EventTypes.BRIEF_ISSUED -> BriefIssued.class;
                    case EventTypes.CHAT_MESSAGE_POSTED -> ChatMessagePosted.class;
                    default ->
                            throw new IllegalStateException("unknown outbox event " + row.type());
                };
        return json.readValue(row.payload(), type);
    }
}
