package dev.stevens.memory.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A memory as the API shows it. */
record MemoryItem(
        UUID id,
        String source,
        String externalKey,
        LocalDate date,
        String text,
        List<String> tags,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
