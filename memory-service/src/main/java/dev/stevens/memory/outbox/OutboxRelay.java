package dev.stevens.memory.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox records in id order and deletes them once the broker acknowledged
 * them. Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work
 * without sending a record twice; a crash after the send but before the delete sends it again
 * (at-least-once), which consumers absorb because every record carries a version.
 */
@Component
class OutboxRelay implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutboxSender sender;
    private final OutboxProperties properties;

    OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            OutboxSender sender,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(this::relayQuietly, properties.pollInterval());
        }
    }

    private void relayQuietly() {
        try {
            int relayed;
            do {
                relayed = relayOnce();
            } while (relayed == properties.batchSize());
        } catch (RuntimeException e) {
            // the batch stays in the outbox and is retried next round
            log.warn("Outbox relay round failed; will retry: {}", e.toString());
        }
    }

    /** One round: lock a batch, publish it, wait for the acks, delete it. Returns its size. */
    int relayOnce() {
        Integer relayed = transactions.execute(status -> relayBatch());
        return relayed == null ? 0 : relayed;
    }

    private int relayBatch() {
        List<OutboxRecord> batch =
                jdbc.sql(
                                """
                                select id, topic, record_key, payload::text as payload, event_id
                                from outbox order by id limit :limit for update skip locked
                                """)
                        .param("limit", properties.batchSize())
                        .query(
                                (rs, n) ->
                                        new OutboxRecord(
                                                rs.getLong("id"),
                                                rs.getString("topic"),
                                                rs.getString("record_key"),
                                                rs.getString("payload"),
                                                rs.getObject("event_id", java.util.UUID.class)))
                        .list();
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> acks = batch.stream().map(sender::send).toList();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for outbox acks", e);
        } catch (Exception e) {
            log.warn("Part of an outbox batch was not acknowledged; it stays for the next round");
        }
        // only what the broker acknowledged leaves the outbox: a batch that failed half-way must
        // not send its acknowledged half again (consumers would absorb it, but it is noise)
        List<Long> acknowledged = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            var ack = acks.get(i);
            if (ack.isDone() && !ack.isCompletedExceptionally() && !ack.isCancelled()) {
                acknowledged.add(batch.get(i).id());
            }
        }
        if (!acknowledged.isEmpty()) {
            jdbc.sql("delete from outbox where id in (:ids)").param("ids", acknowledged).update();
        }
        return acknowledged.size() == batch.size() ? batch.size() : 0;
    }
}
