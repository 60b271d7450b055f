package dev.stevens.memory.outbox;

import java.util.concurrent.CompletableFuture;

/** Puts one outbox record on its topic; the future completes when the broker acknowledged it. */
public interface OutboxSender {

    CompletableFuture<?> send(OutboxRecord record);
}
