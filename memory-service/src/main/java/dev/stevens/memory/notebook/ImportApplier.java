package dev.stevens.memory.notebook;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.ImportSnapshotCompleted;
import dev.stevens.events.StevensEvent;
import dev.stevens.support.kafka.RejectedEventException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events of the imports topic (items and snapshot ends), in order, in one transaction: the
 * event ids are recorded as processed, the memories are inserted, replaced or (for a snapshot)
 * marked deleted, and every change goes to the revision history and the changelog outbox. A
 * replayed event finds its id already processed and changes nothing.
 */
@Service
class ImportApplier {

    private final MemoryStore memories;
    private final ImportUpserts upserts;
    private final MemoryChangelog changelog;

    ImportApplier(MemoryStore memories, ImportUpserts upserts, MemoryChangelog changelog) {
        this.memories = memories;
        this.upserts = upserts;
        this.changelog = changelog;
    }

    /**
     * The first event that can never be applied (invalid, or for an unknown household), with the
     * reason; empty if all can be.
     */
    @Transactional(readOnly = true)
    public Optional<Rejection> firstRejected(List<StevensEvent> events) {
        if (events.isEmpty()) {
            return Optional.empty(); // nothing to check, and no reason to ask the database
        }
        Set<UUID> known =
                memories.existingHouseholds(
                        events.stream()
                                .map(StevensEvent::household)
                                .filter(h -> h != null)
                                .collect(Collectors.toSet()));
        for (int i = 0; i < events.size(); i++) {
            try {
                ImportValidation.check(events.get(i));
                if (!known.contains(events.get(i).household())) {
                    throw new RejectedEventException(
                            "household " + events.get(i).household() + " is unknown");
                }
            } catch (RejectedEventException e) {
                return Optional.of(new Rejection(i, e));
            }
        }
        return Optional.empty();
    }

    /** An event that can never be applied, at its index in the batch. */
    record Rejection(int index, RejectedEventException reason) {}

    /** Applies valid events (see {@link #firstRejected}) in order. */
    @Transactional
    public void apply(List<StevensEvent> events) {
        Map<UUID, StevensEvent> unique = new LinkedHashMap<>();
        events.forEach(event -> unique.putIfAbsent(event.id(), event));
        Set<UUID> fresh =
                memories.markProcessed(
                        List.copyOf(unique.keySet()),
                        unique.values().stream().map(StevensEvent::household).toList());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ImportReceived> items = new ArrayList<>();
        for (StevensEvent event : unique.values()) {
            if (!fresh.contains(event.id())) {
                continue; // already applied: a replay
            }
            if (event instanceof ImportReceived item) {
                items.add(item);
            } else if (event instanceof ImportSnapshotCompleted snapshot) {
                flush(items, now); // the items before the snapshot count for it
                applySnapshot(snapshot, now);
            }
        }
        flush(items, now);
    }

    private void flush(List<ImportReceived> items, Instant now) {
        if (!items.isEmpty()) {
            changelog.recordAll(upserts.apply(items, now));
            items.clear();
        }
    }

    /** Marks live memories of the snapshot's source and scope that it no longer lists deleted. */
    private void applySnapshot(ImportSnapshotCompleted snapshot, Instant now) {
        var data = snapshot.data();
        var change =
                new Memory.Change(
                        snapshot.id(), "snapshot:" + data.source() + ":" + data.scope(), now);
        List<Memory> gone =
                memories
                        .lockMissingFromSnapshot(
                                snapshot.household(),
                                data.source(),
                                data.scope(),
                                data.externalKeys(),
                                data.from(),
                                data.to())
                        .stream()
                        .map(memory -> memory.withDeleted(true, change))
                        .toList();
        gone.forEach(memories::update);
        changelog.recordAll(gone);
    }
}
