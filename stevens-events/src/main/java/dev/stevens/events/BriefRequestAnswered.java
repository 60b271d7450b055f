package dev.stevens.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * briefing-service's answer to a {@link BriefRequested}. Published on {@link Topics#BRIEF_ANSWERS}
 * keyed by the request id; a request delivered twice may be answered twice, so consumers keep the
 * first answer per request id.
 */
public record BriefRequestAnswered(
        UUID id,
        String type,
        String source,
        Instant time,
        UUID household,
        int schemaVersion,
        Data data)
        implements StevensEvent {

    public static final int SCHEMA_VERSION = 1;

    public enum Outcome {
        /** A preview: {@code content}, {@code composer} and {@code memoryIds} are the draft. */
        PREVIEWED,
        /** The brief was written now and its deliveries started. */
        SENT,
        /** That day's brief already existed (scheduled or sent earlier); nothing new was sent. */
        ALREADY_SENT,
        /** briefing-service does not know the household (yet); {@code detail} says why. */
        FAILED
    }

    /**
     * @param requestId the {@link BriefRequested} id this answers
     * @param content, composer, memoryIds the composed brief (previews and fresh sends)
     */
    public record Data(
            UUID requestId,
            BriefRequested.Kind kind,
            LocalDate date,
            Outcome outcome,
            String content,
            String composer,
            List<UUID> memoryIds,
            String detail) {
        public Data {
            memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
        }
    }

    public static BriefRequestAnswered of(
            UUID id, String producer, Instant time, UUID household, Data data) {
        return new BriefRequestAnswered(
                id,
                EventTypes.BRIEF_REQUEST_ANSWERED,
                producer,
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
