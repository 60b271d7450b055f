package dev.stevens.ingest.importers;

import static org.awaitility.Awaitility.await;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.Importers;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plays memory-service for importer tests and reads what the importers wrote, as any client. */
public final class ImporterTestKit {

    private final EventPublisher publisher;
    private final ImporterSettings settings;
    private final JsonMapper json;

    public ImporterTestKit(EventPublisher publisher, ImporterSettings settings, JsonMapper json) {
        this.publisher = publisher;
        this.settings = settings;
        this.json = json;
    }

    /** Publishes the household's settings and waits until the importers know them. */
    public void settings(UUID household, long version, String zone, Importers importers) {
        var data =
                new HouseholdSettingsChanged.Settings(
                        "Importer test " + household,
                        zone,
                        LocalTime.of(7, 0),
                        "Sir",
                        List.of(),
                        List.of(),
                        List.of(),
                        version,
                        "en",
                        importers,
                        null);
        try {
            publisher
                    .publish(
                            Topics.HOUSEHOLDS,
                            household.toString(),
                            HouseholdSettingsChanged.of(
                                    UUID.randomUUID(), Instant.now(), household, data))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish household settings", e);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                settings.find(household)
                                        .filter(h -> h.version() == version)
                                        .isPresent());
    }

    /** The household's events on stevens.imports.v1, in order. */
    public List<JsonNode> imports(UUID household) {
        return recordsOf(Topics.IMPORTS, household);
    }

    /** Only the ImportReceived events. */
    public List<JsonNode> received(UUID household) {
        return imports(household).stream()
                .filter(e -> e.path("type").asString().equals("dev.stevens.import.received"))
                .toList();
    }

    /** Only the ImportSnapshotCompleted events. */
    public List<JsonNode> snapshots(UUID household) {
        return imports(household).stream()
                .filter(
                        e ->
                                e.path("type")
                                        .asString()
                                        .equals("dev.stevens.import.snapshot.completed"))
                .toList();
    }

    /** The household's run records on stevens.importer-runs.v1, in order. */
    public List<JsonNode> runs(UUID household) {
        return recordsOf(Topics.IMPORTER_RUNS, household);
    }

    private List<JsonNode> recordsOf(String topic, UUID household) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RealInfrastructure.shared().bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        try (var consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<JsonNode> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (household.toString().equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
            }
            return found;
        }
    }
}
