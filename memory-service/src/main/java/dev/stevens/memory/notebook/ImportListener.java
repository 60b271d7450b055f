package dev.stevens.memory.notebook;

import dev.stevens.events.StevensEvent;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.RejectedEventException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Applies the imports topic a poll at a time (one transaction and a few statements per batch
 * instead of per record). Records are keyed by household, so one household's events arrive in
 * order. A record that can never be applied ends the batch there: everything before it is
 * committed, it goes to {@code stevens.imports.v1.dlt} with the reason (via {@link
 * BatchListenerFailedException}), and the rest is delivered again.
 */
@Component
class ImportListener {

    private final ImportApplier applier;
    private final ImportsTopicReader reader;

    ImportListener(ImportApplier applier, ImportsTopicReader reader) {
        this.applier = applier;
        this.reader = reader;
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
        var invalid = applier.firstRejected(events);
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
            applier.apply(events);
        } catch (RuntimeException batchFailure) {
            for (int i = 0; i < events.size(); i++) {
                try {
                    applier.apply(List.of(events.get(i)));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, i);
                }
            }
        }
    }
}
