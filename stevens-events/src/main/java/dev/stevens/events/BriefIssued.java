package dev.stevens.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A brief and the current state of its deliveries, on the compacted {@link Topics#BRIEFS} keyed by
 * brief id, republished whenever a delivery changes. memory-service keeps it for the dashboard.
 */
public record BriefIssued(
        UUID id,
        String type,
        String source,
        Instant time,
        UUID household,
        int schemaVersion,
        Data data)
        implements StevensEvent {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param memoryIds the memories the brief was composed from
     * @param composer e.g. {@code deterministic/1} or {@code llm:anthropic/1}
     * @param version increases with every republication of the same brief
     */
    public record Data(
            UUID briefId,
            LocalDate date,
            String content,
            String composer,
            List<UUID> memoryIds,
            List<Delivery> deliveries,
            long version) {
        public Data {
            memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
            deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
        }
    }

    /**
     * @param channel {@code telegram}, {@code email} or {@code webhook}
     * @param status PENDING, DELIVERED, SKIPPED, FAILED, MISSED
     * @param receipt the channel's proof (Telegram message_id, SMTP Message-ID, webhook status)
     */
    public record Delivery(
            String channel,
            String recipient,
            String status,
            String receipt,
            String error,
            Instant at) {}

    public static BriefIssued of(UUID id, Instant time, UUID household, Data data) {
        return new BriefIssued(
                id,
                EventTypes.BRIEF_ISSUED,
                "/briefing-service",
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
