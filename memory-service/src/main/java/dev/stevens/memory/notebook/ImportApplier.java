package dev.stevens.memory.notebook;

import dev.stevens.events.ImportReceived;
import dev.stevens.memory.households.Households;
import dev.stevens.support.kafka.RejectedEventException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one import event into a memory change, all in one transaction: the event id is recorded as
 * processed, the memory is inserted or replaced, and the change goes to the revision history and
 * the changelog outbox. A replayed event finds its id already processed and changes nothing.
 */
@Service
class ImportApplier {

    private final Households households;
    private final MemoryStore memories;
    private final MemoryChangelog changelog;

    ImportApplier(Households households, MemoryStore memories, MemoryChangelog changelog) {
        this.households = households;
        this.memories = memories;
        this.changelog = changelog;
    }

    @Transactional
    public void apply(ImportReceived event) {
        ImportValidation.check(event);
        if (!households.exists(event.household())) {
            throw new RejectedEventException("household " + event.household() + " is unknown");
        }
        if (!memories.markProcessed(event.id(), event.household())) {
            return; // already applied: a replay
        }
        ImportReceived.Data data = event.data();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var candidate =
                new Memory(
                        UUID.randomUUID(),
                        event.household(),
                        data.source(),
                        data.externalKey(),
                        data.date(),
                        data.text(),
                        data.tags(),
                        1,
                        false,
                        now,
                        now,
                        event.id());
        Optional<Memory> changed =
                data.externalKey() == null
                        ? Optional.of(memories.insert(candidate))
                        : upsert(candidate);
        changed.ifPresent(memory -> changelog.record(memory, "import:" + data.source()));
    }

    /** Same household, source and key: replace the memory unless nothing changed. */
    private Optional<Memory> upsert(Memory candidate) {
        if (memories.insertIfKeyIsNew(candidate)) {
            return Optional.of(candidate);
        }
        Memory current = memories.lockByKey(candidate).orElseThrow();
        if (current.sameContentAs(candidate.date(), candidate.text(), candidate.tags())) {
            // identical re-import (or re-import of a memory someone deleted): nothing to record
            return Optional.empty();
        }
        var replaced =
                new Memory(
                        current.id(),
                        current.household(),
                        current.source(),
                        current.externalKey(),
                        candidate.date(),
                        candidate.text(),
                        candidate.tags(),
                        current.version() + 1,
                        false,
                        current.createdAt(),
                        candidate.updatedAt(),
                        candidate.lastEventId());
        memories.update(replaced);
        return Optional.of(replaced);
    }
}
