package dev.stevens.memory.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the stored JSON byte for byte (no re-serialisation, no type headers) with the same {@code
 * ce_*} headers {@code EventPublisher} adds, read from the event's own envelope. Uses the shared
 * producer settings (acks=all, idempotent), so records of one key stay in order.
 */
@Component
class KafkaOutboxSender implements OutboxSender, DisposableBean {

    private static final List<String> ENVELOPE =
            List.of("id", "type", "source", "time", "household", "schemaVersion");

    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final KafkaTemplate<String, byte[]> template;
    private final JsonMapper jsonMapper;

    KafkaOutboxSender(ProducerFactory<?, ?> producerFactory, JsonMapper jsonMapper) {
        this.factory =
                new DefaultKafkaProducerFactory<>(
                        producerFactory.getConfigurationProperties(),
                        new StringSerializer(),
                        new ByteArraySerializer());
        this.template = new KafkaTemplate<>(factory);
        this.jsonMapper = jsonMapper;
    }

    @Override
    public CompletableFuture<?> send(OutboxRecord record) {
        var producerRecord =
                new ProducerRecord<>(
                        record.topic(),
                        null,
                        record.key(),
                        record.payload().getBytes(StandardCharsets.UTF_8),
                        headers(record.payload()));
        return template.send(producerRecord);
    }

    private List<Header> headers(String payload) {
        JsonNode envelope = jsonMapper.readTree(payload);
        List<Header> headers = new ArrayList<>();
        headers.add(header("ce_specversion", "1.0"));
        for (String field : ENVELOPE) {
            JsonNode value = envelope.get(field);
            if (value != null && !value.isNull()) {
                headers.add(header("ce_" + field.toLowerCase(), value.asString()));
            }
        }
        return headers;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
