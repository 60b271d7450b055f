package dev.stevens.ingest.imports;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes a request's events to {@link Topics#IMPORTS}, keyed by household so one household's events
 * stay in order, and returns only when Kafka has acknowledged all of them (acks=all).
 */
@Component
class ImportPublisher {

    private static final Logger log = LoggerFactory.getLogger(ImportPublisher.class);

    private final EventPublisher publisher;
    private final Duration ackTimeout;

    @Autowired
    ImportPublisher(EventPublisher publisher, ImportProperties properties) {
        this(publisher, properties.ackTimeout());
    }

    ImportPublisher(EventPublisher publisher, Duration ackTimeout) {
        this.publisher = publisher;
        this.ackTimeout = ackTimeout;
    }

    /**
     * @throws EventsNotStoredException if any event was not acknowledged within the timeout; some
     *     may still have been stored, which is why clients retry with an idempotency key
     */
    void publishAll(UUID household, List<ImportReceived> events) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        List<CompletableFuture<?>> acks = new ArrayList<>(events.size());
        try {
            for (ImportReceived event : events) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("still sending when the ack timeout expired");
                }
                acks.add(publisher.publish(Topics.IMPORTS, household.toString(), event));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException
                | ExecutionException
                | KafkaException
                | org.springframework.kafka.KafkaException e) {
            throw notStored(household, events.size(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notStored(household, events.size(), e);
        }
    }

    private static EventsNotStoredException notStored(UUID household, int count, Exception e) {
        Throwable cause =
                e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        log.warn(
                "Kafka did not acknowledge {} import event(s) of household {}: {}",
                count,
                household,
                cause.toString());
        return new EventsNotStoredException("Kafka did not acknowledge the events in time", cause);
    }
}
