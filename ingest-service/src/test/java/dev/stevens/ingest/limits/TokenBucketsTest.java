package dev.stevens.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets =
            new TokenBuckets(new RateLimitProperties(true, 2, 3, 100), now::get);

    @Test
    void aBurstPassesThenTheNextRequestWaitsForTheRefill() {
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isZero();

        assertThat(buckets.tryTake("a")).isEqualTo(500_000_000L);
    }

    @Test
    void tokensRefillAtTheConfiguredRateUpToTheBurst() {
        for (int i = 0; i < 3; i++) {
            buckets.tryTake("a");
        }
        now.addAndGet(500_000_000L);
        assertThat(buckets.tryTake("a")).isZero();
        assertThat(buckets.tryTake("a")).isPositive();

        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.tryTake("a")).isZero();
        }
        assertThat(buckets.tryTake("a")).isPositive();
    }

    @Test
    void keysDoNotShareABucket() {
        for (int i = 0; i < 3; i++) {
            buckets.tryTake("a");
        }
        assertThat(buckets.tryTake("b")).isZero();
    }

    @Test
    void disabledLetsEverythingThrough() {
        var off = new TokenBuckets(new RateLimitProperties(false, 1, 1, 100), now::get);
        for (int i = 0; i < 10; i++) {
            assertThat(off.tryTake("a")).isZero();
        }
    }
}
