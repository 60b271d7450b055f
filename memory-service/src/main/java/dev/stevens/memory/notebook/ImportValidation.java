package dev.stevens.memory.notebook;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.ImportSnapshotCompleted;
import dev.stevens.events.StevensEvent;
import dev.stevens.support.kafka.RejectedEventException;
import java.util.regex.Pattern;

/**
 * The rules an import must meet to become a memory. ingest-service checks the same rules; they are
 * checked again here because anyone who can write to the topic can bypass ingest.
 */
final class ImportValidation {

    static final int MAX_TEXT_LENGTH = 4000;
    static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,40}");

    private ImportValidation() {}

    static void check(StevensEvent event) {
        if (event.id() == null) {
            throw new RejectedEventException("id is missing");
        }
        if (event.household() == null) {
            throw new RejectedEventException("household is missing");
        }
        if (event instanceof ImportReceived item) {
            check(item.data());
        } else if (event instanceof ImportSnapshotCompleted snapshot) {
            check(snapshot.data());
        }
    }

    private static void check(ImportReceived.Data data) {
        if (data == null) {
            throw new RejectedEventException("data is missing");
        }
        checkSource(data.source());
        checkText(data.text());
        if (data.externalKey() != null && data.externalKey().isBlank()) {
            throw new RejectedEventException("data.externalKey must not be blank when present");
        }
        if (data.scope() != null && data.scope().isBlank()) {
            throw new RejectedEventException("data.scope must not be blank when present");
        }
        if (data.tags().stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            throw new RejectedEventException("data.tags must not contain blank tags");
        }
    }

    private static void check(ImportSnapshotCompleted.Data data) {
        if (data == null) {
            throw new RejectedEventException("data is missing");
        }
        checkSource(data.source());
        if (data.scope() == null || data.scope().isBlank()) {
            throw new RejectedEventException("data.scope must not be blank");
        }
        if (data.externalKeys().stream().anyMatch(key -> key == null || key.isBlank())) {
            throw new RejectedEventException("data.externalKeys must not contain blank keys");
        }
    }

    static void checkSource(String source) {
        if (source == null || !SOURCE.matcher(source).matches()) {
            throw new RejectedEventException("data.source must match [a-z0-9_-]{1,40}");
        }
    }

    static void checkText(String text) {
        if (text == null || text.isBlank()) {
            throw new RejectedEventException("data.text must not be blank");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new RejectedEventException(
                    "data.text is longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }
}
