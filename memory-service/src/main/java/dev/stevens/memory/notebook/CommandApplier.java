package dev.stevens.memory.notebook;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.MemoryCommandIssued.Action;
import dev.stevens.support.kafka.RejectedEventException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a create, edit, delete or restore command through the same store and changelog as
 * imports, in one transaction, idempotently by event id. The revision records the command's actor.
 * A command that can never be applied (unknown memory, stale {@code expectedVersion}, invalid
 * content) is rejected and dead-lettered with the reason.
 */
@Service
class CommandApplier {

    private final MemoryStore memories;
    private final MemoryChangelog changelog;

    CommandApplier(MemoryStore memories, MemoryChangelog changelog) {
        this.memories = memories;
        this.changelog = changelog;
    }

    @Transactional
    public void apply(MemoryCommandIssued command) {
        CommandValidation.check(command);
        if (memories.existingHouseholds(java.util.List.of(command.household())).isEmpty()) {
            throw new RejectedEventException("household " + command.household() + " is unknown");
        }
        if (!memories.markProcessed(command.id(), command.household())) {
            return; // already applied: a replay
        }
        var data = command.data();
        var change =
                new Memory.Change(
                        command.id(), data.actor(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        if (data.action() == Action.CREATE) {
            create(command, change);
            return;
        }
        Memory current =
                memories.lock(command.household(), data.memoryId())
                        .orElseThrow(
                                () ->
                                        new RejectedEventException(
                                                "memory " + data.memoryId() + " is unknown"));
        if (data.expectedVersion() != null && data.expectedVersion() != current.version()) {
            throw new RejectedEventException(
                    "expectedVersion "
                            + data.expectedVersion()
                            + " does not match the memory's version "
                            + current.version());
        }
        Memory next =
                switch (data.action()) {
                    case EDIT -> edit(current, data, change);
                    case DELETE -> current.deleted() ? null : current.withDeleted(true, change);
                    case RESTORE -> current.deleted() ? current.withDeleted(false, change) : null;
                    case CREATE -> throw new IllegalStateException("handled above");
                };
        if (next != null) { // null: it already is as asked, nothing to record
            memories.update(next);
            changelog.record(next);
        }
    }

    private void create(MemoryCommandIssued command, Memory.Change change) {
        var data = command.data();
        UUID id = data.memoryId() == null ? UUID.randomUUID() : data.memoryId();
        if (memories.exists(id)) {
            throw new RejectedEventException("memory " + id + " already exists");
        }
        var memory =
                new Memory(
                        id,
                        command.household(),
                        CommandValidation.sourceOf(data.actor()),
                        null,
                        null,
                        data.date(),
                        null,
                        data.text(),
                        data.tags(),
                        1,
                        false,
                        false,
                        null,
                        change.at(),
                        change.at(),
                        change.eventId(),
                        change.actor());
        memories.insert(memory);
        changelog.record(memory);
    }

    /** Absent text or date, or no tags, keep what the memory has. */
    private static Memory edit(
            Memory current, MemoryCommandIssued.Data data, Memory.Change change) {
        var text = data.text() == null ? current.text() : data.text();
        var date = data.date() == null ? current.date() : data.date();
        var tags = data.tags().isEmpty() ? current.tags() : data.tags();
        if (!current.deleted()
                && text.equals(current.text())
                && Objects.equals(date, current.date())
                && tags.equals(current.tags())) {
            return null;
        }
        return current.edited(date, text, tags, change);
    }
}
