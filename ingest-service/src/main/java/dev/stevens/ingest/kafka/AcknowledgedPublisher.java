package dev.stevens.ingest.kafka;

import dev.stevens.events.StevensEvent;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes events of one household and returns only once Kafka has acknowledged all of them
 * (acks=all), for the inbound channels (email, Telegram) that must not answer success before then.
 */
@Component
public class AcknowledgedPublisher {

    private static final Logger log = LoggerFactory.getLogger(AcknowledgedPublisher.class);

    private final EventPublisher publisher;
    private final Duration ackTimeout;

    public AcknowledgedPublisher(EventPublisher publisher, InboundProperties properties) {
        this.publisher = publisher;
        this.ackTimeout = properties.ackTimeout();
    }

    /**
     * @throws NotAcknowledgedException if Kafka did not acknowledge every event in time
     */
    public void publishAll(String topic, String key, List<? extends StevensEvent> events) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
        try {
            for (StevensEvent event : events) {
                acks.add(publisher.publish(topic, key, event));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notAcknowledged(topic, key, events.size(), e);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            throw notAcknowledged(topic, key, events.size(), e);
        }
    }

    private static NotAcknowledgedException notAcknowledged(
            String topic, String key, int count, Exception e) {
        Throwable cause =
                e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        log.warn(
                "Kafka did not acknowledge {} event(s) on {} for {}: {}",
                count,
                topic,
                key,
                cause.toString());
        return new NotAcknowledgedException(cause);
    }

    /** The events may or may not be stored; the sender should retry (ids are deterministic). */
    public static class NotAcknowledgedException extends RuntimeException {
        NotAcknowledgedException(Throwable cause) {
            super("Kafka did not acknowledge the events in time", cause);
        }
    }
}
