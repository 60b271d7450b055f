package dev.stevens.memory.outbox;

import java.util.UUID;

/**
 * One record waiting in the outbox.
 *
 * @param payload the event's JSON, exactly as it goes on the wire
 */
public record OutboxRecord(long id, String topic, String key, String payload, UUID eventId) {}
