package dev.stevens.briefing.notebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A live (not deleted) memory as the briefing read model holds it.
 *
 * @param date the day it belongs to, or null for undated background
 */
public record NotebookEntry(
        UUID id,
        String source,
        LocalDate date,
        String text,
        List<String> tags,
        long version,
        Instant updatedAt) {

    public NotebookEntry {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
