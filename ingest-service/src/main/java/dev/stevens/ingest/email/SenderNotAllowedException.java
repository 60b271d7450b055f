package dev.stevens.ingest.email;

/** The household does not accept email from this address; answered 403 naming {@code from}. */
class SenderNotAllowedException extends RuntimeException {

    private final String from;

    SenderNotAllowedException(String from) {
        super("This household does not accept email from " + from + ".");
        this.from = from;
    }

    String from() {
        return from;
    }
}
