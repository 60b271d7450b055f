package dev.stevens.ingest.importers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Fingerprints of what an importer said, and event ids derived from them per run. The fingerprint
 * tells an unchanged item from a changed one; the event id adds the run, because the same content
 * may legitimately arrive again later (an event cancelled, then restored; a snapshot that lists the
 * same keys as two runs ago) and memory-service skips event ids it has seen. Identical content
 * under a new id is still a no-op there.
 */
final class ImporterEventIds {

    private ImporterEventIds() {}

    static UUID inRun(UUID fingerprint, Instant run) {
        return nameBased("run", fingerprint.toString(), run.toString());
    }

    static UUID item(UUID household, String source, ImportItem item) {
        return nameBased(
                "item",
                household.toString(),
                source,
                item.externalKey(),
                String.valueOf(item.date()),
                item.text(),
                String.join("\u001f", item.tags()),
                String.valueOf(item.occurredAt()));
    }

    static UUID snapshot(UUID household, String source, String scope, List<String> keys) {
        return nameBased(
                "snapshot",
                household.toString(),
                source,
                scope,
                String.join("\u001f", keys.stream().sorted().toList()));
    }

    /** A hash of the parts (unit-separated so no two part lists collide) as a name-based UUID. */
    private static UUID nameBased(String... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            byte[] hash =
                    digest.digest(String.join("\u001e", parts).getBytes(StandardCharsets.UTF_8));
            return UUID.nameUUIDFromBytes(
                    HexFormat.of().formatHex(hash).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
