package dev.stevens.briefing.delivery;

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
     */
    record Failed(String error, boolean permanent) implements DeliveryOutcome {}
}
