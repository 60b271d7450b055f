package dev.stevens.briefing.delivery;

import java.time.Duration;

/** What happened when a channel tried to send a brief. */
public sealed interface DeliveryOutcome {

    /**
     * @param receipt the channel's proof, e.g. Telegram message ids
     */
    record Delivered(String receipt) implements DeliveryOutcome {}

    /** Not sent on purpose (e.g. the channel is not configured); not retried. */
    record Skipped(String reason) implements DeliveryOutcome {}

    /**
     * @param permanent true when retrying cannot help (e.g. the chat does not exist)
     * @param retryAfter the earliest the other side accepts another attempt (Telegram's 429 {@code
     *     retry_after}, a webhook's {@code Retry-After}), or null
     * @param progress what was already sent, for the retry to resume from, or null
     */
    record Failed(String error, boolean permanent, Duration retryAfter, String progress)
            implements DeliveryOutcome {

        public Failed(String error, boolean permanent) {
            this(error, permanent, null, null);
        }
    }
}
