package dev.stevens.ingest.importers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One memory an importer run produced, before it becomes an {@code ImportReceived}. */
public record ImportItem(
        String externalKey, LocalDate date, String text, List<String> tags, Instant occurredAt) {

    public ImportItem {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
