package dev.stevens.memory.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A memory with its history, oldest revision first: each with the event and actor behind it. */
record MemoryDetail(@JsonUnwrapped MemoryItem memory, List<Revision> revisions) {

    record Revision(
            long version,
            LocalDate date,
            String text,
            List<String> tags,
            boolean deleted,
            boolean archived,
            LocalDate validUntil,
            UUID eventId,
            String actor,
            Instant changedAt) {}
}
