package dev.stevens.support.kafka;

import dev.stevens.events.StevensEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends Stevens events with their CloudEvents envelope copied into {@code ce_*} headers (binary
 * content mode), so a dead letter or a log line can name the event without parsing it.
 */
public class EventPublisher {

    private final KafkaTemplate<Object, Object> template;

    public EventPublisher(KafkaTemplate<Object, Object> template) {
        this.template = template;
    }

    public CompletableFuture<SendResult<Object, Object>> publish(
            String topic, String key, StevensEvent event) {
        var record = new ProducerRecord<Object, Object>(topic, null, key, event, headers(event));
        return template.send(record);
    }

    private static List<org.apache.kafka.common.header.Header> headers(StevensEvent event) {
        return List.of(
                header("ce_specversion", "1.0"),
                header("ce_id", event.id().toString()),
                header("ce_type", event.type()),
                header("ce_source", event.source()),
                header("ce_time", event.time().toString()),
                header("ce_household", event.household().toString()),
                header("ce_schemaversion", Integer.toString(event.schemaVersion())));
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
