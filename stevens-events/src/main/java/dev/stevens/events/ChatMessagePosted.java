package dev.stevens.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in a household's conversation with the butler, on {@link Topics#CHAT} keyed by
 * household: from a person (via Telegram) or from the butler (a reply or a brief).
 */
public record ChatMessagePosted(
        UUID id,
        String type,
        String source,
        Instant time,
        UUID household,
        int schemaVersion,
        Message data)
        implements StevensEvent {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param channel e.g. {@code telegram}
     * @param conversation the channel's conversation id, e.g. the Telegram chat id
     * @param externalId the channel's message id, if any
     * @param author a person's display name, or {@code stevens} for the butler
     * @param fromButler true for replies and briefs
     */
    public record Message(
            String channel,
            String conversation,
            String externalId,
            String author,
            boolean fromButler,
            String text) {}

    public static ChatMessagePosted of(
            UUID id, String producer, Instant time, UUID household, Message data) {
        return new ChatMessagePosted(
                id,
                EventTypes.CHAT_MESSAGE_POSTED,
                producer,
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
