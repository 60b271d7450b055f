package dev.stevens.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person on the dashboard asks briefing-service to preview the brief for a date or to send it
 * now. Published on {@link Topics#BRIEF_REQUESTS} keyed by household; briefing-service answers with
 * {@link BriefRequestAnswered} carrying this event's id.
 */
public record BriefRequested(
        UUID id,
        String type,
        String source,
        Instant time,
        UUID household,
        int schemaVersion,
        Data data)
        implements StevensEvent {

    public static final int SCHEMA_VERSION = 1;

    public enum Kind {
        /** Compose the brief for {@code date} and answer with its text; nothing is sent. */
        PREVIEW,
        /**
         * Compose and deliver the brief for {@code date} now through the usual channels, exactly
         * once per household, day and channel; answered ALREADY_SENT if that day's brief exists.
         */
        SEND
    }

    /**
     * @param requestedBy who asked, e.g. {@code dashboard:demo}
     */
    public record Data(Kind kind, LocalDate date, String requestedBy) {}

    public static BriefRequested of(
            UUID id, String producer, Instant time, UUID household, Data data) {
        return new BriefRequested(
                id, EventTypes.BRIEF_REQUESTED, producer, time, household, SCHEMA_VERSION, data);
    }
}
