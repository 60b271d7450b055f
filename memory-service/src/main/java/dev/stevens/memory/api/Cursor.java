package dev.stevens.memory.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended, in the list's sort order: date (undated last, as PostgreSQL's date {@code
 * infinity}), created, id. Opaque to clients: URL-safe base64 of {@code date|created|id}.
 */
record Cursor(String sortDate, Instant createdAt, UUID id) {

    static final String UNDATED = "infinity";

    static Cursor after(MemoryItem item) {
        return new Cursor(
                item.date() == null ? UNDATED : item.date().toString(),
                item.createdAt(),
                item.id());
    }

    String encode() {
        String raw = sortDate + "|" + createdAt + "|" + id;
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws IllegalArgumentException for anything this class did not produce. */
    static Cursor decode(String encoded) {
        String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
        String[] parts = raw.split("\\|", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("malformed cursor");
        }
        if (!parts[0].equals(UNDATED)) {
            LocalDate.parse(parts[0]);
        }
        return new Cursor(parts[0], Instant.parse(parts[1]), UUID.fromString(parts[2]));
    }
}
