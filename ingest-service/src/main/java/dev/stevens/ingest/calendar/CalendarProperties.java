package dev.stevens.ingest.calendar;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param interval delay between scheduled polls of every feed
 * @param initialDelay first scheduled poll after start-up (household settings load meanwhile)
 * @param timeout connect and response timeout of one feed request
 * @param pastDays days before today that are still imported (yesterday = 1)
 * @param futureDays days after today that are imported
 */
@Validated
@ConfigurationProperties("stevens.ingest.calendar")
record CalendarProperties(
        @DefaultValue("15m") @NotNull Duration interval,
        @DefaultValue("1m") @NotNull Duration initialDelay,
        @DefaultValue("20s") @NotNull Duration timeout,
        @DefaultValue("1") @Min(0) int pastDays,
        @DefaultValue("30") @Min(1) int futureDays) {}
