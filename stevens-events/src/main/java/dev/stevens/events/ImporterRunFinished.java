package dev.stevens.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One importer run for one household, success or not, on {@link Topics#IMPORTER_RUNS} keyed by
 * household: what the dashboard shows as "weather last updated 12 minutes ago" or "calendar feed
 * failing since 09:00: 404".
 */
public record ImporterRunFinished(
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
     * @param importer e.g. {@code weather} or {@code calendar}
     * @param scope e.g. the feed id or location name
     * @param itemsSeen items the source returned
     * @param itemsChanged items published as imports (new or changed)
     * @param error null on success, else a short human-readable reason
     */
    public record Data(
            String importer,
            String scope,
            Instant startedAt,
            Instant finishedAt,
            int itemsSeen,
            int itemsChanged,
            String error) {}

    public static ImporterRunFinished of(
            UUID id, String producer, Instant time, UUID household, Data data) {
        return new ImporterRunFinished(
                id,
                EventTypes.IMPORTER_RUN_FINISHED,
                producer,
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
