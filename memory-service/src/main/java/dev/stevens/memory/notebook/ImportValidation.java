package dev.stevens.memory.notebook;

import dev.stevens.events.ImportReceived;
import dev.stevens.support.kafka.RejectedEventException;
import java.util.regex.Pattern;

/**
 * The rules an import must meet to become a memory. ingest-service checks the same rules; they are
 * checked again here because anyone who can write to the topic can bypass ingest.
 */
final class ImportValidation {

    static final int MAX_TEXT_LENGTH = 4000;
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,40}");

    private ImportValidation() {}

    static void check(ImportReceived event) {
        if (event.id() == null) {
            throw new RejectedEventException("id is missing");
        }
        if (event.household() == null) {
            throw new RejectedEventException("household is missing");
        }
        ImportReceived.Data data = event.data();
        if (data == null) {
            throw new RejectedEventException("data is missing");
        }
        if (data.source() == null || !SOURCE.matcher(data.source()).matches()) {
            throw new RejectedEventException("data.source must match [a-z0-9_-]{1,40}");
        }
        if (data.text() == null || data.text().isBlank()) {
            throw new RejectedEventException("data.text must not be blank");
        }
        if (data.text().length() > MAX_TEXT_LENGTH) {
            throw new RejectedEventException(
                    "data.text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
        if (data.externalKey() != null && data.externalKey().isBlank()) {
            throw new RejectedEventException("data.externalKey must not be blank when present");
        }
        if (data.tags().stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            throw new RejectedEventException("data.tags must not contain blank tags");
        }
    }
}
