package dev.stevens.memory.notebook;

import dev.stevens.events.EventTypes;
import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.MemoryCommandIssued.Action;
import dev.stevens.support.kafka.RejectedEventException;

/** The rules a memory command must meet; the API checks the same before publishing one. */
final class CommandValidation {

    private CommandValidation() {}

    static void check(MemoryCommandIssued command) {
        if (command.id() == null) {
            throw new RejectedEventException("id is missing");
        }
        if (command.type() != null && !EventTypes.MEMORY_COMMAND_ISSUED.equals(command.type())) {
            throw new RejectedEventException(
                    "unknown event type '" + command.type() + "' on the memory commands topic");
        }
        if (command.household() == null) {
            throw new RejectedEventException("household is missing");
        }
        var data = command.data();
        if (data == null || data.action() == null) {
            throw new RejectedEventException("data.action is missing");
        }
        if (data.actor() == null || data.actor().isBlank()) {
            throw new RejectedEventException("data.actor must not be blank");
        }
        if (data.action() != Action.CREATE && data.memoryId() == null) {
            throw new RejectedEventException("data.memoryId is required for " + data.action());
        }
        if (data.action() == Action.CREATE || data.text() != null) {
            ImportValidation.checkText(data.text());
        }
        if (data.tags().stream().anyMatch(tag -> tag == null || tag.isBlank())) {
            throw new RejectedEventException("data.tags must not contain blank tags");
        }
    }

    /** {@code dashboard:demo} → {@code dashboard}; anything unusable → {@code command}. */
    static String sourceOf(String actor) {
        String prefix = actor.contains(":") ? actor.substring(0, actor.indexOf(':')) : actor;
        prefix = prefix.toLowerCase(java.util.Locale.ROOT);
        return ImportValidation.SOURCE.matcher(prefix).matches() ? prefix : "command";
    }
}
