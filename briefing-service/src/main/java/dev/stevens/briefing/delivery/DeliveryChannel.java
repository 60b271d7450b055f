package dev.stevens.briefing.delivery;

/** A way of getting a brief to a recipient (Telegram, email, webhook). */
public interface DeliveryChannel {

    /** The channel's name as recipients and deliveries record it, e.g. {@code telegram}. */
    String name();

    /** Sends the text; must not throw for expected failures, and must never leak secrets. */
    DeliveryOutcome send(String recipient, String text);

    /**
     * Sends a claimed delivery of a brief. Channels that need more than the text (a subject, a
     * signature, resuming a half-sent brief) override this.
     */
    default DeliveryOutcome deliver(Parcel parcel) {
        return send(parcel.recipient(), parcel.content());
    }
}
