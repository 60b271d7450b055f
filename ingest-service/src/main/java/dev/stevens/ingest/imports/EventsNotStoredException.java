package dev.stevens.ingest.imports;

/** Kafka did not acknowledge every event of a request in time; the request is answered 503. */
class EventsNotStoredException extends RuntimeException {

    EventsNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
