package dev.stevens.ingest.weather;

/** The API answered, but with something that is not a usable forecast; nothing is written. */
class InvalidForecastException extends RuntimeException {

    InvalidForecastException(String message) {
        super(message);
    }
}
