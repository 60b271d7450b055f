package dev.stevens.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A person (through the dashboard or chat) asks memory-service to change the notebook. Published on
 * {@link Topics#MEMORY_COMMANDS} keyed by household; memory-service applies it through the same
 * path as imports and records who asked.
 */
public record MemoryCommandIssued(
        UUID id,
        String type,
        String source,
        Instant time,
        UUID household,
        int schemaVersion,
        Data data)
        implements StevensEvent {

    public static final int SCHEMA_VERSION = 1;

    public enum Action {
        CREATE,
        EDIT,
        DELETE,
        RESTORE
    }

    /**
     * @param memoryId target of EDIT, DELETE and RESTORE; for CREATE the id to give the new memory
     *     (optional)
     * @param text, date, tags the new content for CREATE and EDIT
     * @param actor who asked, e.g. {@code dashboard:demo} or {@code telegram:Ada}
     * @param expectedVersion optional optimistic check: apply only if the memory is at this version
     */
    public record Data(
            Action action,
            UUID memoryId,
            String text,
            LocalDate date,
            List<String> tags,
            String actor,
            Long expectedVersion) {
        public Data {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    public static MemoryCommandIssued of(
            UUID id, String producer, Instant time, UUID household, Data data) {
        return new MemoryCommandIssued(
                id,
                EventTypes.MEMORY_COMMAND_ISSUED,
                producer,
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
