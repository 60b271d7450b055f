package dev.stevens.ingest.imports;

import dev.stevens.events.ImportReceived;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One import event as an API client sends it. Unknown fields are ignored, so clients may send more
 * than this version understands.
 */
record ImportRequest(
        @NotNull
                @Pattern(
                        regexp = "[a-z0-9_-]{1,40}",
                        message = "must be 1 to 40 characters of a-z, 0-9, _ and -")
                String source,
        @NotBlank @Size(max = 4000, message = "must be at most 4000 characters") String text,
        @Size(min = 1, max = 200, message = "must be 1 to 200 characters") String externalKey,
        LocalDate date,
        @Size(max = 20, message = "must have at most 20 tags")
                List<
                                @NotNull
                                @Size(min = 1, max = 40, message = "must be 1 to 40 characters")
                                String>
                        tags,
        Instant occurredAt) {

    static final String PRODUCER = "/ingest/api";

    ImportReceived toEvent(UUID id, UUID household, Instant now) {
        return ImportReceived.of(
                id,
                PRODUCER,
                now,
                household,
                new ImportReceived.Data(source, text, externalKey, date, tags, occurredAt));
    }
}
