package dev.stevens.ingest.email;

import java.time.Instant;
import java.util.List;

/**
 * An email reduced to what the butler reads.
 *
 * @param messageId the Message-ID without angle brackets, or null
 * @param from the sender's address in lower case
 * @param fromName the sender's display name, or null
 * @param sentAt the Date header, or null
 * @param text the readable body: the plain-text part, or the HTML part converted to text
 * @param html the HTML part as sent, or null (structured mail such as digests is read from it)
 * @param attachments file names of attachments, in order
 */
record ParsedEmail(
        String messageId,
        String from,
        String fromName,
        String subject,
        Instant sentAt,
        String text,
        String html,
        List<String> attachments) {

    String sender() {
        return fromName == null || fromName.isBlank() ? from : fromName + " <" + from + ">";
    }
}
