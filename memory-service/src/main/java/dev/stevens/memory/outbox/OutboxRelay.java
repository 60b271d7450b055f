package dev.stevens.memory.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox records in id order and deletes them once the broker acknowledged
 * them. Rows are locked with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work
 * without sending a record twice; a crash after the send but before the delete sends it again
 * (at-least-once), which consumers absorb because every record carries a version.
 *
 * <p>It runs on a thread of its own that a commit wakes ({@link RelaySignal}); polling is only the
 * safety net.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    static final int PARTLY_FAILED = -1;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutboxSender sender;
    private final OutboxProperties properties;
    private final RelaySignal signal;
    private volatile Thread worker;
    private volatile CountDownLatch stopping = new CountDownLatch(0);

    OutboxRelay(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            OutboxSender sender,
            OutboxProperties properties,
            RelaySignal signal) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.properties = properties;
        this.signal = signal;
    }

    @Override
    public void start() {
        if (properties.enabled()) {
            stopping = new CountDownLatch(1);
            worker = new Thread(this::relayUntilStopped, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    @Override
    public void stop() {
        Thread running = worker;
        worker = null;
        if (running != null) {
            // no interrupt: a round in the middle of a send or a query finishes, then it exits
            stopping.countDown();
            signal.wake();
            try {
                running.join(properties.sendTimeout().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops after the listeners (which may still commit changes), before the producer closes. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1000;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    private void relayUntilStopped() {
        Thread self = Thread.currentThread();
        try {
            while (worker == self) {
                if (relayAll()) {
                    signal.awaitWake(properties.pollInterval());
                } else {
                    // the broker or the database is failing: wait, not for the next commit, so an
                    // outage is not hammered at the commit rate
                    stopping.await(properties.retryInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            // what is left stays in the outbox for the next start
            Thread.currentThread().interrupt();
        }
    }

    /** Relays until the outbox is empty; false when a round failed. */
    private boolean relayAll() {
        try {
            int relayed;
            do {
                relayed = relayOnce();
            } while (relayed == properties.batchSize() && worker != null);
            return relayed != PARTLY_FAILED;
        } catch (RuntimeException e) {
            // the batch stays in the outbox and is retried next round
            log.warn("Outbox relay round failed; will retry: {}", e.toString());
            return false;
        }
    }

    /**
     * One round: lock a batch, publish it, wait for the acks, delete what was acknowledged. Returns
     * the batch's size, or {@link #PARTLY_FAILED} when part of it is still waiting.
     */
    private int relayOnce() {
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
        return acknowledged.size() == batch.size() ? batch.size() : PARTLY_FAILED;
    }
}
