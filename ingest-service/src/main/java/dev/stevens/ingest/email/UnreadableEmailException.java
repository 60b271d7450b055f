package dev.stevens.ingest.email;

/** The posted bytes are not an email we can read; answered 400. */
class UnreadableEmailException extends RuntimeException {

    UnreadableEmailException(String message) {
        super(message);
    }
}
