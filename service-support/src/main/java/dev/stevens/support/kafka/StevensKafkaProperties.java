package dev.stevens.support.kafka;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the services declare and use topics.
 *
 * @param partitions partitions of every Stevens topic (and its dead-letter topic)
 * @param replicas replication factor; 1 for the embedded broker, 3 in production
 * @param retryAttempts attempts for a record that failed for an unknown reason before it is
 *     dead-lettered
 * @param infrastructureBackOff pause between attempts while the database or broker is down; such
 *     records are retried until the outage ends, never dead-lettered
 */
@Validated
@ConfigurationProperties("stevens.kafka")
public record StevensKafkaProperties(
        @DefaultValue("6") @Min(1) int partitions,
        @DefaultValue("1") @Min(1) short replicas,
        @DefaultValue("3") @Min(1) int retryAttempts,
        @DefaultValue("2s") Duration infrastructureBackOff) {}
