package dev.stevens.briefing.notebook;

import dev.stevens.events.MemoryChanged;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.RejectedEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Builds the read model from the compacted memory changelog {@code stevens.memories.v1}. */
@Component
class MemoryChangedListener {

    private static final Logger log = LoggerFactory.getLogger(MemoryChangedListener.class);

    private final Notebook notebook;

    MemoryChangedListener(Notebook notebook) {
        this.notebook = notebook;
    }

    @KafkaListener(id = "briefing-memories", idIsGroup = false, topics = Topics.MEMORIES)
    void on(MemoryChanged event) {
        var memory = event.data();
        if (event.household() == null || memory == null || memory.memoryId() == null) {
            throw new RejectedEventException("memory change without household or memory id");
        }
        if (memory.text() == null && !memory.deleted()) {
            throw new RejectedEventException("live memory snapshot without text");
        }
        boolean applied = notebook.apply(event.household(), memory);
        log.debug(
                "Memory {} version {} {}",
                memory.memoryId(),
                memory.version(),
                applied ? "applied" : "not newer, ignored");
    }
}
