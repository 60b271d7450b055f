package dev.stevens.briefing.delivery;

import dev.stevens.testing.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a whole topic from the real broker, as a consumer in another service would. */
public final class TopicReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TopicReader() {}

    /** Every record of the topic whose JSON value names the household, oldest first. */
    public static List<JsonNode> eventsOf(String topic, Object household) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RealInfrastructure.shared().bootstrapServers(),
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event =
                            JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
                    if (household.toString().equals(event.path("household").asString())) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }
}
