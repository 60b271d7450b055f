package dev.stevens.ingest.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One token bucket per key (the SHA-256 of an API token). In memory per instance: with N replicas a
 * client gets at most N times the rate, which is fine for a limit that protects against runaway
 * clients rather than metering them.
 */
@Component
public class TokenBuckets {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final RateLimitProperties properties;
    private final LongSupplier nanoClock;

    @Autowired
    public TokenBuckets(RateLimitProperties properties) {
        this(properties, System::nanoTime);
    }

    TokenBuckets(RateLimitProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
    }

    /**
     * @return 0 if the request may pass (and a token was taken), otherwise the nanoseconds until a
     *     token is available
     */
    public long tryTake(String key) {
        if (!properties.enabled()) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        if (buckets.size() >= properties.maxTrackedTokens()) {
            forgetFullBuckets(now);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(properties.burst(), now)).take(now);
    }

    private void forgetFullBuckets(long now) {
        buckets.values().removeIf(bucket -> bucket.isFull(now));
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double missing = 1 - tokens;
            return (long) Math.ceil(missing / properties.requestsPerSecond() * NANOS_PER_SECOND);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= properties.burst();
        }

        private void refill(long now) {
            double elapsed = (double) (now - refilledAt) / NANOS_PER_SECOND;
            tokens =
                    Math.min(properties.burst(), tokens + elapsed * properties.requestsPerSecond());
            refilledAt = now;
        }
    }
}
