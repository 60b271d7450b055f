package dev.stevens.ingest.imports;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param ackTimeout how long a request waits for Kafka to acknowledge all its events; after that it
 *     answers 503 and the client retries (safely, with an {@code Idempotency-Key})
 * @param maxBatchSize most events accepted in one batch request
 */
@Validated
@ConfigurationProperties("stevens.ingest.imports")
record ImportProperties(
        @DefaultValue("10s") @NotNull Duration ackTimeout,
        @DefaultValue("1000") int maxBatchSize) {}
