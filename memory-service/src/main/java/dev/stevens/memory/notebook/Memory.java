package dev.stevens.memory.notebook;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One memory as stored: its current state and version. */
record Memory(
        UUID id,
        UUID household,
        String source,
        String externalKey,
        LocalDate date,
        String text,
        List<String> tags,
        long version,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt,
        UUID lastEventId) {

    boolean sameContentAs(LocalDate otherDate, String otherText, List<String> otherTags) {
        return Objects.equals(date, otherDate) && text.equals(otherText) && tags.equals(otherTags);
    }
}
