package dev.stevens.memory.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A memory as the API shows it.
 *
 * @param snippet for a full-text query: the text around the matches, HTML-escaped, with matches in
 *     {@code <mark>…</mark>}; otherwise null
 * @param rank internal (the full-text ranking the cursor continues from)
 */
record MemoryItem(
        UUID id,
        String source,
        String externalKey,
        String scope,
        LocalDate date,
        LocalDate validUntil,
        String text,
        List<String> tags,
        long version,
        boolean deleted,
        boolean archived,
        Instant createdAt,
        Instant updatedAt,
        String snippet,
        @JsonIgnore Float rank) {}
