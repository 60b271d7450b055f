package dev.stevens.ingest.importers;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.ImportSnapshotCompleted;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.events.StevensEvent;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where importer runs write: their items and the closing snapshot to {@link Topics#IMPORTS}, the
 * run record to {@link Topics#IMPORTER_RUNS}, all keyed by household and acknowledged by Kafka.
 *
 * <p>Items whose content this instance already published for the scope are not sent again (their
 * ids would be the same, so memory-service would ignore them anyway); after a restart everything is
 * sent once more and deduplicated downstream.
 */
@Component
public class ImporterOutput {

    private static final Logger log = LoggerFactory.getLogger(ImporterOutput.class);

    private final EventPublisher publisher;
    private final ImporterProperties properties;
    private final Map<String, Map<String, UUID>> publishedByScope = new ConcurrentHashMap<>();

    public ImporterOutput(EventPublisher publisher, ImporterProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
    }

    /**
     * Publishes the changed items, then the snapshot naming every item of the scope.
     *
     * @param from first day the run covers; older memories of the scope are left alone
     * @param to last day the run covers
     * @return how many items were published (new or changed)
     * @throws ImportNotStoredException if Kafka did not acknowledge in time
     */
    public int publishScope(
            UUID household,
            String source,
            String scope,
            LocalDate from,
            LocalDate to,
            List<ImportItem> items) {
        String scopeKey = household + "|" + source + "|" + scope;
        Map<String, UUID> before = publishedByScope.getOrDefault(scopeKey, Map.of());
        Map<String, UUID> now = new HashMap<>();
        List<ImportReceived> changed = new ArrayList<>();
        Instant time = Instant.now();
        for (ImportItem item : items) {
            UUID fingerprint = ImporterEventIds.item(household, source, item);
            now.put(item.externalKey(), fingerprint);
            if (!fingerprint.equals(before.get(item.externalKey()))) {
                changed.add(
                        ImportReceived.of(
                                ImporterEventIds.inRun(fingerprint, time),
                                producer(source),
                                time,
                                household,
                                new ImportReceived.Data(
                                        source,
                                        item.text(),
                                        item.externalKey(),
                                        item.date(),
                                        item.tags(),
                                        item.occurredAt(),
                                        scope,
                                        null)));
            }
        }
        List<String> keys = items.stream().map(ImportItem::externalKey).distinct().toList();
        var snapshot =
                ImportSnapshotCompleted.of(
                        ImporterEventIds.inRun(
                                ImporterEventIds.snapshot(household, source, scope, keys), time),
                        producer(source),
                        time,
                        household,
                        new ImportSnapshotCompleted.Data(source, scope, keys, from, to));
        // items first and acknowledged, so the snapshot never removes what is not yet written
        publishAcknowledged(Topics.IMPORTS, household, changed);
        publishAcknowledged(Topics.IMPORTS, household, List.of(snapshot));
        publishedByScope.put(scopeKey, Map.copyOf(now));
        return changed.size();
    }

    /**
     * Publishes the run record; a failure to do so is logged, never thrown, so that it cannot hide
     * the outcome of the run itself.
     */
    public ImporterRunFinished recordRun(UUID household, ImporterRunFinished.Data run) {
        var event =
                ImporterRunFinished.of(
                        UUID.randomUUID(), producer(run.importer()), Instant.now(), household, run);
        try {
            publishAcknowledged(Topics.IMPORTER_RUNS, household, List.of(event));
        } catch (ImportNotStoredException e) {
            log.warn("Run record of {} for household {} not stored", run.importer(), household);
        }
        return event;
    }

    private static String producer(String source) {
        return "/ingest/" + source;
    }

    private void publishAcknowledged(
            String topic, UUID household, List<? extends StevensEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + properties.ackTimeout().toNanos();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        try {
            for (StevensEvent event : events) {
                acks.add(publisher.publish(topic, household.toString(), event));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportNotStoredException("interrupted while waiting for Kafka", e);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            throw new ImportNotStoredException(
                    "Kafka did not acknowledge " + events.size() + " event(s) on " + topic, e);
        }
    }
}
