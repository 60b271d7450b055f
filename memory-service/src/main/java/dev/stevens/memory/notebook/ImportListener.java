package dev.stevens.memory.notebook;

import dev.stevens.events.StevensEvent;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.RejectedEventException;
import dev.stevens.support.kafka.StevensKafkaProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Applies the imports topic a poll at a time (one transaction and a few statements per batch
 * instead of per record). Records are keyed by household, so one household's events arrive in
 * order. A record that can never be applied ends the batch there: everything before it is
 * committed, it goes to {@code stevens.imports.v1.dlt} with the reason (via {@link
 * BatchListenerFailedException}), and the rest is delivered again. While the database is
 * unreachable the batch is retried here, in place, so an outage never reaches the error handler's
 * batch fallback (which would dead-letter good records once its attempts ran out).
 */
@Component
class ImportListener {

    private static final Logger log = LoggerFactory.getLogger(ImportListener.class);

    /** Well inside Kafka's max.poll.interval.ms (5 min); after it the error handler takes over. */
    private static final Duration OUTAGE_PATIENCE = Duration.ofMinutes(2);

    private final ImportApplier applier;
    private final ImportsTopicReader reader;
    private final DatabaseProbe database;
    private final Duration backOff;

    ImportListener(
            ImportApplier applier,
            ImportsTopicReader reader,
            DatabaseProbe database,
            StevensKafkaProperties kafka) {
        this.applier = applier;
        this.reader = reader;
        this.database = database;
        this.backOff = kafka.infrastructureBackOff();
    }

    @KafkaListener(
            id = "memory-service-imports",
            topics = Topics.IMPORTS,
            containerFactory = NotebookKafkaConfiguration.BATCH_FACTORY)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<StevensEvent> events = new ArrayList<>(records.size());
        RejectedEventException rejected = null;
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(reader.read(record));
            } catch (RejectedEventException e) {
                rejected = e;
                break;
            }
        }
        // validation reads the database too (does the household exist?): ride out outages here as
        // well
        List<StevensEvent> read = events;
        var invalid = throughOutages(read.size(), () -> applier.firstRejected(read));
        if (invalid.isPresent()) {
            events = events.subList(0, invalid.get().index());
            rejected = invalid.get().reason();
        }
        applyAll(events);
        if (rejected != null) {
            throw new BatchListenerFailedException(rejected.getMessage(), rejected, events.size());
        }
    }

    /** The whole run in one transaction; if that fails, one by one to find the culprit. */
    private void applyAll(List<StevensEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            applyThroughOutages(events);
        } catch (RuntimeException batchFailure) {
            for (int i = 0; i < events.size(); i++) {
                try {
                    applyThroughOutages(List.of(events.get(i)));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
                }
            }
        }
    }

    private void applyThroughOutages(List<StevensEvent> events) {
        throughOutages(
                events.size(),
                () -> {
                    applier.apply(events);
                    return null;
                });
    }

    private <T> T throughOutages(int count, java.util.function.Supplier<T> work) {
        long giveUp = System.nanoTime() + OUTAGE_PATIENCE.toNanos();
        boolean retriedWhileAnswering = false;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                if (!database.isOutage(e)) {
                    // the database answers now, but the failure may still have been an outage that
                    // just ended (the probe waits for a connection): one more try tells; a bad
                    // record fails again and goes to the dead-letter topic
                    if (retriedWhileAnswering) {
                        throw e;
                    }
                    retriedWhileAnswering = true;
                }
                log.warn(
                        "Database failure while applying {} import(s); retrying in {}: {}",
                        count,
                        backOff,
                        e.getMessage());
                pause();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(backOff.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for the database", interrupted);
        }
    }
}
