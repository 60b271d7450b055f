package dev.stevens.ingest.importers;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param scheduleEnabled false: importers run only when called (tests, or a deployment where
 *     another instance runs them)
 * @param ackTimeout how long a run waits for Kafka to acknowledge its events before it counts as
 *     failed
 */
@Validated
@ConfigurationProperties("stevens.ingest.importers")
public record ImporterProperties(
        @DefaultValue("true") boolean scheduleEnabled,
        @DefaultValue("10s") @NotNull Duration ackTimeout) {}
