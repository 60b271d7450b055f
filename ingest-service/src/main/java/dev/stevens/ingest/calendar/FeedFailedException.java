package dev.stevens.ingest.calendar;

/** A feed could not be fetched or read; the message is short enough for the dashboard. */
class FeedFailedException extends RuntimeException {

    FeedFailedException(String message) {
        super(message);
    }
}
