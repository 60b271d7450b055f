package dev.stevens.briefing.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries are sent and retried.
 *
 * @param retryDeadline how long after it was first due (after quiet hours) an undelivered delivery
 *     is still retried; then it is FAILED
 * @param backoffInitial pause after the first failed attempt; doubled after every further one
 * @param backoffMax the longest pause between two attempts
 * @param workers threads composing and sending in parallel on one instance
 * @param batchSize deliveries claimed at once by one instance
 * @param outboxInterval how often unpublished events are sent to Kafka
 */
@Validated
@ConfigurationProperties("stevens.briefing.delivery")
public record DeliveryProperties(
        @DefaultValue("6h") Duration retryDeadline,
        @DefaultValue("30s") Duration backoffInitial,
        @DefaultValue("30m") Duration backoffMax,
        @DefaultValue("16") @Min(1) @Max(256) int workers,
        @DefaultValue("200") @Min(1) int batchSize,
        @DefaultValue("1s") Duration outboxInterval) {

    /** The pause before attempt {@code attempts + 1}: initial, 2×, 4× … up to the maximum. */
    Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = backoffInitial.multipliedBy(1L << doublings);
        return delay.compareTo(backoffMax) > 0 ? backoffMax : delay;
    }
}
