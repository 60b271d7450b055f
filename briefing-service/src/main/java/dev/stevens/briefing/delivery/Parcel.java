package dev.stevens.briefing.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One claimed delivery with everything a channel needs to send it.
 *
 * @param deadline after it the delivery is no longer tried
 * @param progress what an earlier attempt already got through (e.g. Telegram message ids of the
 *     parts sent), or null
 * @param signingSecret the household's webhook signing secret, or null
 */
public record Parcel(
        UUID id,
        UUID briefId,
        UUID household,
        LocalDate date,
        String channel,
        String recipient,
        String content,
        String composer,
        List<UUID> memoryIds,
        int attempts,
        Instant deadline,
        String progress,
        String signingSecret) {

    public Parcel {
        memoryIds = memoryIds == null ? List.of() : List.copyOf(memoryIds);
    }

    /** Never let a log line show the secret or the whole brief. */
    @Override
    public String toString() {
        return "Parcel[id=" + id + ", channel=" + channel + ", date=" + date + "]";
    }
}
