package dev.stevens.ingest.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Event ids for a request. With an {@code Idempotency-Key} they are derived from the household and
 * the key, so a retried request produces the same ids and memory-service (which deduplicates by
 * event id) stores nothing twice, while ingest keeps no state. Without a key they are random.
 */
final class EventIds {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private EventIds() {}

    static boolean isValidKey(String key) {
        return key == null || VALID_KEY.matcher(key).matches();
    }

    static UUID single(UUID household, String idempotencyKey) {
        return idempotencyKey == null
                ? UUID.randomUUID()
                : nameBased(household + ":" + idempotencyKey);
    }

    static List<UUID> batch(UUID household, String idempotencyKey, int size) {
        return java.util.stream.IntStream.range(0, size)
                .mapToObj(
                        index ->
                                idempotencyKey == null
                                        ? UUID.randomUUID()
                                        : nameBased(household + ":" + idempotencyKey + ":" + index))
                .toList();
    }

    private static UUID nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
