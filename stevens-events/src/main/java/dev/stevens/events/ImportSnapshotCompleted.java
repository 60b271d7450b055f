package dev.stevens.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * "This is the complete set for source S in scope X": published on {@link Topics#IMPORTS} (same
 * key, so after the run's items) when an importer run ends. Memories of that source and scope whose
 * external key is not in the set are marked deleted — how a cancelled calendar event or a revised
 * forecast disappears without delete-then-insert. Consumers tell it from an {@link ImportReceived}
 * by {@code type}.
 */
public record ImportSnapshotCompleted(
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
     * @param source the importing source, e.g. {@code calendar}
     * @param scope what the set covers, e.g. {@code calendar:family} or {@code weather:home}; the
     *     items of the run carry the same scope
     * @param externalKeys every external key the source still has in that scope
     * @param from optional first day the set covers: memories dated before it are history, not
     *     "missing" (yesterday's appointments must not vanish when the window moves on)
     * @param to optional last day the set covers
     */
    public record Data(
            String source, String scope, List<String> externalKeys, LocalDate from, LocalDate to) {
        public Data {
            externalKeys = externalKeys == null ? List.of() : List.copyOf(externalKeys);
        }

        /** A set that covers every date (and undated memories) of the scope. */
        public Data(String source, String scope, List<String> externalKeys) {
            this(source, scope, externalKeys, null, null);
        }
    }

    public static ImportSnapshotCompleted of(
            UUID id, String producer, Instant time, UUID household, Data data) {
        return new ImportSnapshotCompleted(
                id,
                EventTypes.IMPORT_SNAPSHOT_COMPLETED,
                producer,
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
