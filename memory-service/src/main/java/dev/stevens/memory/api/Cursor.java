package dev.stevens.memory.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page ended, in the list's sort order: date (undated last, as PostgreSQL's date {@code
 * infinity}), created, id; or, for full-text queries, rank (best first), id. Opaque to clients:
 * URL-safe base64 of {@code date|created|id} or {@code r|rank|id}.
 */
record Cursor(String sortDate, Instant createdAt, UUID id, Float rank) {

    static final String UNDATED = "infinity";

    static Cursor after(MemoryItem item) {
        if (item.rank() != null) {
            return new Cursor(null, null, item.id(), item.rank());
        }
        return new Cursor(
                item.date() == null ? UNDATED : item.date().toString(),
                item.createdAt(),
                item.id(),
                null);
    }

    boolean ranked() {
        return rank != null;
    }

    String encode() {
        String raw =
                ranked()
                        ? "r|" + Float.toString(rank) + "|" + id
                        : sortDate + "|" + createdAt + "|" + id;
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
        if (parts[0].equals("r")) {
            float rank = Float.parseFloat(parts[1]);
            if (!Float.isFinite(rank)) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new Cursor(null, null, UUID.fromString(parts[2]), rank);
        }
        if (!parts[0].equals(UNDATED)) {
            LocalDate.parse(parts[0]);
        }
        return new Cursor(parts[0], Instant.parse(parts[1]), UUID.fromString(parts[2]), null);
    }
}
