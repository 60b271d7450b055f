package dev.stevens.ingest.telegram;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The part of a Bot API {@code Update} the butler reads. Everything else Telegram sends (and adds
 * in future Bot API versions) is ignored.
 */
record TelegramUpdate(
        @JsonProperty("update_id") Long updateId,
        Message message,
        @JsonProperty("edited_message") Message editedMessage,
        @JsonProperty("channel_post") Message channelPost) {

    /** The message this update carries, whichever kind it is; null for other updates. */
    Message carried() {
        if (message != null) {
            return message;
        }
        return editedMessage != null ? editedMessage : channelPost;
    }

    record Message(
            @JsonProperty("message_id") Long messageId,
            User from,
            @JsonProperty("sender_chat") Chat senderChat,
            @JsonProperty("author_signature") String authorSignature,
            Chat chat,
            Long date,
            String text,
            String caption,
            List<PhotoSize> photo,
            Document document) {}

    record User(
            Long id,
            @JsonProperty("first_name") String firstName,
            @JsonProperty("last_name") String lastName,
            String username) {}

    record Chat(Long id, String type, String title, String username) {}

    record PhotoSize(
            @JsonProperty("file_id") String fileId,
            @JsonProperty("file_unique_id") String fileUniqueId,
            Integer width,
            Integer height,
            @JsonProperty("file_size") Long fileSize) {}

    record Document(
            @JsonProperty("file_id") String fileId,
            @JsonProperty("file_unique_id") String fileUniqueId,
            @JsonProperty("file_name") String fileName,
            @JsonProperty("mime_type") String mimeType,
            @JsonProperty("file_size") Long fileSize) {}
}
