package dev.stevens.support.web;

/** A request body over the configured limit; answered as 413. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
