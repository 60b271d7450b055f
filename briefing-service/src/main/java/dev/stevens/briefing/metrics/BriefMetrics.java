package dev.stevens.briefing.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The morning brief's meters, per channel (telegram, email, webhook): how many deliveries became
 * due, were sent, failed for good, were sent late or were missed, and how long a delivered brief
 * took from its due time to the channel's receipt. Counted by the instance that did the work, so
 * Prometheus sums over instances without double counting.
 */
@Component
public class BriefMetrics {

    /**
     * A brief delivered more than this after its due time counts as late (quiet hours and retries
     * included: the recipient got it later than they asked for).
     */
    public static final Duration LATE_AFTER = Duration.ofMinutes(15);

    private final MeterRegistry registry;
    private final JdbcClient jdbc;

    BriefMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** A delivery was written as pending: the brief is due on this channel. */
    public void due(String channel) {
        counter("stevens.briefs.due", channel).increment();
    }

    /** A delivery was written as missed: the brief was too late to send at all. */
    public void missed(String channel) {
        counter("stevens.briefs.missed", channel).increment();
    }

    /** A delivery failed and will not be tried again. */
    public void failed(String channel) {
        counter("stevens.briefs.failed", channel).increment();
    }

    /** The channel accepted the brief; records due → delivered latency and lateness. */
    public void delivered(String channel, UUID brief, Instant deliveredAt) {
        counter("stevens.briefs.sent", channel).increment();
        Instant dueAt = dueAt(brief);
        if (dueAt == null) {
            return;
        }
        Duration latency = Duration.between(dueAt, deliveredAt);
        Timer.builder("stevens.briefs.delivery.latency")
                .description("From the brief's due time to the channel's receipt")
                .tag("channel", channel)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
        if (latency.compareTo(LATE_AFTER) > 0) {
            counter("stevens.briefs.late", channel).increment();
        }
    }

    private Instant dueAt(UUID brief) {
        // the parcel does not carry the due time; one indexed lookup per delivered brief is cheap
        return jdbc.sql("select due_at from briefs where id = ?")
                .param(brief)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    private Counter counter(String name, String channel) {
        return Counter.builder(name).tag("channel", channel).register(registry);
    }
}
