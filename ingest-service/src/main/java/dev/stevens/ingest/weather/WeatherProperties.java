package dev.stevens.ingest.weather;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param baseUrl Open-Meteo (or a compatible mirror); {@code /v1/forecast} is appended
 * @param interval delay between scheduled runs
 * @param initialDelay first scheduled run after start-up (household settings load meanwhile)
 * @param forecastDays days from today (inclusive) that become memories
 * @param attempts tries per household and run before the run is reported failed
 * @param backoff wait before the second try; doubled for every further one
 * @param timeout connect and response timeout of one request
 */
@Validated
@ConfigurationProperties("stevens.ingest.weather")
record WeatherProperties(
        @DefaultValue("https://api.open-meteo.com") @NotNull URI baseUrl,
        @DefaultValue("1h") @NotNull Duration interval,
        @DefaultValue("1m") @NotNull Duration initialDelay,
        @DefaultValue("7") @Min(1) @Max(16) int forecastDays,
        @DefaultValue("3") @Min(1) int attempts,
        @DefaultValue("2s") @NotNull Duration backoff,
        @DefaultValue("10s") @NotNull Duration timeout) {}
