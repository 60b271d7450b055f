package dev.stevens.ingest.telegram;

import dev.stevens.events.ChatMessagePosted;
import dev.stevens.ingest.telegram.TelegramUpdate.Document;
import dev.stevens.ingest.telegram.TelegramUpdate.Message;
import dev.stevens.ingest.telegram.TelegramUpdate.PhotoSize;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Turns a Telegram message into the chat event the butler reads. */
final class TelegramMessages {

    static final String PRODUCER = "/ingest/telegram";
    static final String CHANNEL = "telegram";

    private TelegramMessages() {}

    /**
     * The event id depends only on the update, so a redelivered update (after a restart emptied the
     * in-memory guard) is still deduplicated by the consumers.
     */
    static UUID eventId(long updateId) {
        return UUID.nameUUIDFromBytes(
                ("telegram-update:" + updateId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the text including attachment metadata, or null when the message has nothing the
     *     butler can read (a sticker, a poll …)
     */
    static String text(Message message) {
        List<String> parts = new ArrayList<>();
        if (message.text() != null && !message.text().isBlank()) {
            parts.add(message.text());
        }
        if (message.caption() != null && !message.caption().isBlank()) {
            parts.add(message.caption());
        }
        if (message.photo() != null && !message.photo().isEmpty()) {
            parts.add(photo(message.photo()));
        }
        if (message.document() != null) {
            parts.add(document(message.document()));
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    static String author(Message message) {
        var from = message.from();
        if (from != null) {
            if (from.firstName() != null && !from.firstName().isBlank()) {
                return from.lastName() == null || from.lastName().isBlank()
                        ? from.firstName()
                        : from.firstName() + " " + from.lastName();
            }
            if (from.username() != null) {
                return from.username();
            }
        }
        if (message.authorSignature() != null) {
            return message.authorSignature();
        }
        var chat = message.senderChat() != null ? message.senderChat() : message.chat();
        if (chat != null && chat.title() != null) {
            return chat.title();
        }
        return "unknown";
    }

    static ChatMessagePosted event(long updateId, UUID household, Message message, String text) {
        Instant sent =
                message.date() == null ? Instant.now() : Instant.ofEpochSecond(message.date());
        return ChatMessagePosted.of(
                eventId(updateId),
                PRODUCER,
                sent,
                household,
                new ChatMessagePosted.Message(
                        CHANNEL,
                        Long.toString(message.chat().id()),
                        message.messageId() == null ? null : Long.toString(message.messageId()),
                        author(message),
                        false,
                        text));
    }

    /** Telegram sends several sizes of one photo; the largest one describes it. */
    private static String photo(List<PhotoSize> sizes) {
        PhotoSize largest =
                sizes.stream()
                        .max(
                                Comparator.comparingLong(
                                        p -> (long) nullToZero(p.width()) * nullToZero(p.height())))
                        .orElseThrow();
        StringBuilder text = new StringBuilder("[photo");
        if (largest.width() != null && largest.height() != null) {
            text.append(' ').append(largest.width()).append('x').append(largest.height());
        }
        if (largest.fileSize() != null) {
            text.append(", ").append(largest.fileSize()).append(" bytes");
        }
        return text.append(", file_id ").append(largest.fileId()).append(']').toString();
    }

    private static String document(Document document) {
        StringBuilder text = new StringBuilder("[document");
        if (document.fileName() != null) {
            text.append(' ').append(document.fileName());
        }
        if (document.mimeType() != null) {
            text.append(" (").append(document.mimeType()).append(')');
        }
        if (document.fileSize() != null) {
            text.append(", ").append(document.fileSize()).append(" bytes");
        }
        return text.append(", file_id ").append(document.fileId()).append(']').toString();
    }

    private static int nullToZero(Integer value) {
        return value == null ? 0 : value;
    }
}
