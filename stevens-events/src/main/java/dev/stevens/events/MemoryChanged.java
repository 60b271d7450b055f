package dev.stevens.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The full new state of one memory, published by memory-service on the compacted {@link
 * Topics#MEMORIES} changelog keyed by memory id. Reading the topic from the start rebuilds the
 * notebook; a consumer keeps a snapshot only when its {@code version} is newer than what it has.
 */
public record MemoryChanged(
        UUID id,
        String type,
        String source,
        Instant time,
        UUID household,
        int schemaVersion,
        Snapshot data)
        implements StevensEvent {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param memoryId the memory's id (also the record key)
     * @param version increases by one with every change
     * @param deleted a soft-deleted memory stays in the changelog as a tombstone-like snapshot
     * @param causedBy the id of the event that made this change
     * @param archived retention archived it: it stays in the notebook but never reaches a brief
     * @param validUntil optional last day the memory is true; after it, it never reaches a brief
     */
    public record Snapshot(
            UUID memoryId,
            String source,
            String externalKey,
            LocalDate date,
            String text,
            List<String> tags,
            long version,
            boolean deleted,
            Instant createdAt,
            Instant updatedAt,
            UUID causedBy,
            boolean archived,
            LocalDate validUntil) {

        public Snapshot {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** The original eleven fields: not archived, no valid-until (kept for existing callers). */
        public Snapshot(
                UUID memoryId,
                String source,
                String externalKey,
                LocalDate date,
                String text,
                List<String> tags,
                long version,
                boolean deleted,
                Instant createdAt,
                Instant updatedAt,
                UUID causedBy) {
            this(
                    memoryId,
                    source,
                    externalKey,
                    date,
                    text,
                    tags,
                    version,
                    deleted,
                    createdAt,
                    updatedAt,
                    causedBy,
                    false,
                    null);
        }

        /** Whether a brief may use it on {@code day}: live, not archived, not expired. */
        public boolean briefable(LocalDate day) {
            return !deleted && !archived && (validUntil == null || !validUntil.isBefore(day));
        }
    }

    public static MemoryChanged of(UUID id, Instant time, UUID household, Snapshot data) {
        return new MemoryChanged(
                id,
                EventTypes.MEMORY_CHANGED,
                "/memory-service",
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
