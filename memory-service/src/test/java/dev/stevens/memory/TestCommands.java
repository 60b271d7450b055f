package dev.stevens.memory;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.Topics;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Produces memory commands the way chat (briefing-service) does: JSON keyed by household. */
public final class TestCommands {

    private final JsonMapper json;

    public TestCommands(JsonMapper json) {
        this.json = json;
    }

    public static MemoryCommandIssued command(UUID household, MemoryCommandIssued.Data data) {
        return MemoryCommandIssued.of(
                UUID.randomUUID(), "/briefing/chat", Instant.now(), household, data);
    }

    public MemoryCommandIssued send(MemoryCommandIssued command) {
        TestKafka.send(
                Topics.MEMORY_COMMANDS,
                command.household().toString(),
                json.writeValueAsBytes(command));
        return command;
    }
}
