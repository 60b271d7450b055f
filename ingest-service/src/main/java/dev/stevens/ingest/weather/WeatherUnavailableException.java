package dev.stevens.ingest.weather;

/** Open-Meteo could not be asked successfully, after retries. */
class WeatherUnavailableException extends RuntimeException {

    WeatherUnavailableException(String message) {
        super(message);
    }
}
