package dev.stevens.memory.dashboard.deadletters;

import dev.stevens.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the {@code *.dlt} topics with a plain consumer (assigned partitions, no group, nothing
 * committed) and republishes a dead letter's original key, bytes and headers to its original topic.
 * A record belongs to a household when its key or its {@code household} field is that household;
 * records that name no household are shown to nobody here.
 */
@Component
class DeadLetterArchive {

    static final List<String> SOURCE_TOPICS =
            List.of(
                    Topics.IMPORTS,
                    Topics.CHAT,
                    Topics.MEMORY_COMMANDS,
                    Topics.IMPORTER_RUNS,
                    Topics.BRIEFS,
                    Topics.HOUSEHOLDS,
                    Topics.MEMORIES,
                    Topics.BRIEF_REQUESTS,
                    Topics.BRIEF_ANSWERS);
    private static final int NEWEST_PER_PARTITION = 500;

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> producerConfig;
    private final JsonMapper json;

    DeadLetterArchive(
            ConsumerFactory<Object, Object> consumers,
            ProducerFactory<Object, Object> producers,
            JsonMapper json) {
        this.consumerConfig = new HashMap<>(consumers.getConfigurationProperties());
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.producerConfig = new HashMap<>(producers.getConfigurationProperties());
        this.json = json;
    }

    record DeadLetter(
            String topic,
            int partition,
            long offset,
            String originalTopic,
            String key,
            String reason,
            String exception,
            Instant at,
            String value) {

        String id() {
            return topic + ":" + partition + ":" + offset;
        }
    }

    static boolean isDeadLetterTopic(String topic) {
        return SOURCE_TOPICS.stream().anyMatch(t -> Topics.deadLetterOf(t).equals(topic));
    }

    List<DeadLetter> list(UUID household) {
        List<DeadLetter> letters = new ArrayList<>();
        try (var consumer = consumer()) {
            for (String source : SOURCE_TOPICS) {
                String dlt = Topics.deadLetterOf(source);
                var partitions =
                        consumer.partitionsFor(dlt).stream()
                                .map(p -> new TopicPartition(dlt, p.partition()))
                                .toList();
                consumer.assign(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                for (var p : partitions) {
                    consumer.seek(p, Math.max(begin.get(p), end.get(p) - NEWEST_PER_PARTITION));
                }
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (var r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))
                                && belongsTo(r, household)) {
                            letters.add(letter(r));
                        }
                    }
                }
            }
        }
        letters.sort((a, b) -> b.at().compareTo(a.at()));
        return letters;
    }

    Optional<ConsumerRecord<String, byte[]>> find(
            UUID household, String topic, int partition, long offset) {
        if (!isDeadLetterTopic(topic)) {
            return Optional.empty();
        }
        try (var consumer = consumer()) {
            var tp = new TopicPartition(topic, partition);
            if (consumer.partitionsFor(topic).stream().noneMatch(p -> p.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            while (consumer.position(tp) <= offset) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return belongsTo(r, household) ? Optional.of(r) : Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** Sends the original key, bytes and headers (without the dead-letter ones) back. */
    void replay(ConsumerRecord<String, byte[]> record) {
        String target = originalTopic(record);
        var out = new ProducerRecord<>(target, null, record.key(), record.value());
        for (Header h : record.headers()) {
            if (!h.key().startsWith("kafka_dlt-")) {
                out.headers().add(h);
            }
        }
        try (var producer =
                new KafkaProducer<>(
                        producerConfig, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(out).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("replay failed", e);
        }
    }

    static String originalTopic(ConsumerRecord<String, byte[]> record) {
        String header = header(record, "kafka_dlt-original-topic");
        String topic =
                header != null
                        ? header
                        : record.topic()
                                .substring(
                                        0,
                                        record.topic().length()
                                                - Topics.DEAD_LETTER_SUFFIX.length());
        // only ever back to one of our own topics
        return SOURCE_TOPICS.contains(topic)
                ? topic
                : record.topic()
                        .substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length());
    }

    private boolean belongsTo(ConsumerRecord<String, byte[]> r, UUID household) {
        if (household.toString().equals(r.key())) {
            return true;
        }
        try {
            var node = json.readTree(r.value());
            var h = node == null ? null : node.get("household");
            return h != null && household.toString().equals(h.asString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private DeadLetter letter(ConsumerRecord<String, byte[]> r) {
        String value = r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8);
        return new DeadLetter(
                r.topic(),
                r.partition(),
                r.offset(),
                originalTopic(r),
                r.key(),
                header(r, "kafka_dlt-exception-message"),
                header(r, "kafka_dlt-exception-fqcn"),
                Instant.ofEpochMilli(r.timestamp()),
                value.length() > 2000 ? value.substring(0, 2000) + "…" : value);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(
                consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
