package dev.stevens.ingest.limits;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A token bucket per API token: {@code burst} requests at once, refilled at {@code
 * requestsPerSecond}. A batch request counts as one request (its size is limited separately).
 *
 * @param enabled false switches the limit off (benchmarks)
 * @param maxTrackedTokens buckets kept at most; full buckets are forgotten first, as they carry no
 *     information
 */
@Validated
@ConfigurationProperties("stevens.ingest.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20") @Positive double requestsPerSecond,
        @DefaultValue("100") @Min(1) int burst,
        @DefaultValue("100000") @Min(100) int maxTrackedTokens) {}
