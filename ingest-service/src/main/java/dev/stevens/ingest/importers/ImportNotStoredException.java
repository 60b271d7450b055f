package dev.stevens.ingest.importers;

/** Kafka did not acknowledge an importer's events in time; the run counts as failed. */
public class ImportNotStoredException extends RuntimeException {

    ImportNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
