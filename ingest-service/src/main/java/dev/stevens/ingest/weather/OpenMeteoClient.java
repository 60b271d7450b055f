package dev.stevens.ingest.weather;

import dev.stevens.events.HouseholdSettingsChanged.Location;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fetches a forecast from the Open-Meteo forecast API. Network failures, 5xx and 429 are retried
 * with exponential backoff; anything else fails at once.
 */
@Component
class OpenMeteoClient {

    private static final Logger log = LoggerFactory.getLogger(OpenMeteoClient.class);
    static final String DAILY =
            "weather_code,temperature_2m_max,temperature_2m_min,precipitation_probability_max";
    static final String HOURLY = "precipitation_probability,weather_code";

    private final WeatherProperties properties;
    private final HttpClient http;

    OpenMeteoClient(WeatherProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    /**
     * @return the JSON body of a 200 answer
     * @throws WeatherUnavailableException when every attempt failed
     */
    String forecast(Location location, ZoneId zone, Units units) {
        URI uri = uri(location, zone, units);
        Duration wait = properties.backoff();
        String failure = null;
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            if (attempt > 1) {
                pause(wait);
                wait = wait.multipliedBy(2);
            }
            try {
                HttpResponse<String> response =
                        http.send(
                                HttpRequest.newBuilder(uri)
                                        .timeout(properties.timeout())
                                        .header("Accept", "application/json")
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                failure = "Open-Meteo answered HTTP " + status;
                if (status < 500 && status != 429) {
                    break; // our request is wrong; asking again will not help
                }
            } catch (IOException e) {
                failure = "Open-Meteo unreachable: " + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WeatherUnavailableException("interrupted");
            }
            log.info("Weather attempt {} failed: {}", attempt, failure);
        }
        throw new WeatherUnavailableException(failure);
    }

    private URI uri(Location location, ZoneId zone, Units units) {
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(
                base
                        + "/v1/forecast?latitude="
                        + String.format(Locale.ROOT, "%.4f", location.latitude())
                        + "&longitude="
                        + String.format(Locale.ROOT, "%.4f", location.longitude())
                        + "&daily="
                        + DAILY
                        + "&hourly="
                        + HOURLY
                        + "&temperature_unit="
                        + units.apiName()
                        + "&timezone="
                        + URLEncoder.encode(zone.getId(), StandardCharsets.UTF_8)
                        + "&forecast_days="
                        + properties.forecastDays());
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WeatherUnavailableException("interrupted");
        }
    }
}
