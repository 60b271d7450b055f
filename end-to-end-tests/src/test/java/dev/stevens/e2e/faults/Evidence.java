package dev.stevens.e2e.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the stores and topics say after a load: read through the API and raw Kafka clients. */
public final class Evidence {

    static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();

    private Evidence() {}

    /** The memories of one source on the load's day, as the API shows them. */
    public static List<JsonNode> memories(int memoryPort, String source) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String path =
                    "/api/v1/memories?limit=200&source="
                            + source
                            + "&from="
                            + ImportLoad.day()
                            + "&to="
                            + ImportLoad.day()
                            + (cursor == null
                                    ? ""
                                    : "&cursor="
                                            + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            var response =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + memoryPort + path))
                                    .header("Authorization", "Bearer " + Stack.TOKEN)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            JsonNode page = json.readTree(response.body());
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
            if (cursor != null && cursor.isBlank()) {
                cursor = null;
            }
        } while (cursor != null);
        return all;
    }

    /** Writes records that are not JSON at all, keyed like the load (by household). */
    public static void writeMalformed(
            String bootstrap, String topic, String key, String marker, int count) {
        try (var producer = producer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                key,
                                ("{not json " + marker + " #" + i)
                                        .getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    /** Every record of a topic, from the beginning to its current end. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "evidence-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
            }
            return records;
        }
    }

    /** The latest changelog snapshot of each memory, by memory id. */
    public static Map<String, JsonNode> latestSnapshots(String bootstrap, String topic) {
        Map<String, JsonNode> latest = new HashMap<>();
        for (var record : readAll(bootstrap, topic)) {
            if (record.value() == null) {
                latest.remove(record.key());
                continue;
            }
            latest.put(record.key(), json.readTree(record.value()));
        }
        return latest;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * The offset each of the consumer groups committed on one partition: the next record it will
     * read, so everything before it has been processed (or dead-lettered). A group that committed
     * nothing there is absent.
     */
    public static Map<String, Long> committedOffsets(
            String bootstrap, Set<String> groups, TopicPartition partition) {
        try (var admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, Long> committed = new HashMap<>();
            for (String group : groups) {
                OffsetAndMetadata offset =
                        admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get(30, TimeUnit.SECONDS)
                                .get(partition);
                if (offset != null) {
                    committed.put(group, offset.offset());
                }
            }
            return committed;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the committed offsets of " + groups, e);
        }
    }

    /** The offset the next record written to the partition will get. */
    public static long endOffset(String bootstrap, TopicPartition partition) {
        try (var admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get(30, TimeUnit.SECONDS)
                    .offset();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the end of " + partition, e);
        }
    }

    /** Writes one record and answers where it landed. */
    public static RecordMetadata write(String bootstrap, String topic, String key, byte[] value) {
        try (var producer = producer(bootstrap)) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not write to " + topic, e);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
