package dev.stevens.memory.notebook;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies memory commands (from the dashboard API and from chat). Keyed by household, so one
 * household's commands apply in order; rejected ones go to {@code stevens.memory-commands.v1.dlt}.
 */
@Component
class CommandListener {

    private final CommandApplier applier;

    CommandListener(CommandApplier applier) {
        this.applier = applier;
    }

    @KafkaListener(id = "memory-service-commands", topics = Topics.MEMORY_COMMANDS)
    void on(MemoryCommandIssued command) {
        applier.apply(command);
    }
}
