package dev.stevens.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Something a source told the butler, accepted by ingest-service and written to {@link
 * Topics#IMPORTS} keyed by household.
 *
 * <p>Envelope fields follow CloudEvents attribute names: {@code id}, {@code type}, {@code source}
 * (who produced the event, e.g. {@code /ingest/api}), {@code time}, plus the {@code household} and
 * {@code schemaVersion} extensions.
 *
 * @param data what was imported
 */
public record ImportReceived(
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
     * @param source the importing source, e.g. {@code calendar} or {@code reminder}
     * @param text the memory's text
     * @param externalKey the source's own id; the same key means the same memory
     * @param date the day the memory is relevant on, or null for undated background
     * @param tags free-form labels, never null
     * @param occurredAt when it happened at the source, if known
     * @param scope optional: the snapshot scope this item belongs to (see {@link
     *     ImportSnapshotCompleted}), e.g. {@code calendar:family}
     * @param validUntil optional: the last day the memory is true; after it the memory is expired
     *     and never reaches a brief
     */
    public record Data(
            String source,
            String text,
            String externalKey,
            LocalDate date,
            List<String> tags,
            Instant occurredAt,
            String scope,
            LocalDate validUntil) {

        public Data {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** The original six fields, without scope and valid-until (kept for existing callers). */
        public Data(
                String source,
                String text,
                String externalKey,
                LocalDate date,
                List<String> tags,
                Instant occurredAt) {
            this(source, text, externalKey, date, tags, occurredAt, null, null);
        }
    }

    public static ImportReceived of(
            UUID id, String producer, Instant time, UUID household, Data data) {
        return new ImportReceived(
                id, EventTypes.IMPORT_RECEIVED, producer, time, household, SCHEMA_VERSION, data);
    }
}
