package dev.stevens.support.kafka;

/**
 * Thrown by a consumer for an event it will never be able to apply (invalid, unknown household).
 * The record goes straight to the dead-letter topic with this message as the reason; it is not
 * retried.
 */
public class RejectedEventException extends RuntimeException {

    public RejectedEventException(String reason) {
        super(reason);
    }
}
