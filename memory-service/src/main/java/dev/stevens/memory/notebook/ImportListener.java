package dev.stevens.memory.notebook;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies import events. Records are keyed by household, so one household's imports are applied in
 * order; rejected and unreadable records go to {@code stevens.imports.v1.dlt} (see
 * service-support).
 */
@Component
class ImportListener {

    private final ImportApplier applier;

    ImportListener(ImportApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "memory-service-imports", topics = Topics.IMPORTS)
    void on(ImportReceived event) {
        applier.apply(event);
    }
}
