package dev.stevens.support.kafka;

import dev.stevens.events.ImporterRunFinished;
import dev.stevens.events.StevensEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Sends Stevens events with their CloudEvents envelope copied into {@code ce_*} headers (binary
 * content mode), so a dead letter or a log line can name the event without parsing it.
 */
public class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    private final KafkaTemplate<Object, Object> template;
    private final MeterRegistry meters;

    public EventPublisher(KafkaTemplate<Object, Object> template) {
        this(template, null);
    }

    /**
     * @param meters where {@code stevens.events.published} (per topic, type and outcome) is
     *     counted; null for none
     */
    public EventPublisher(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        this.template = template;
        this.meters = meters;
    }

    public CompletableFuture<SendResult<Object, Object>> publish(
            String topic, String key, StevensEvent event) {
        var record = new ProducerRecord<Object, Object>(topic, null, key, event, headers(event));
        // the send (and the producer observation's span) logs with the event's id and household
        try (var id = MDC.putCloseable("eventId", event.id().toString());
                var household = MDC.putCloseable("household", event.household().toString())) {
            log.debug("Publishing {} to {}", event.type(), topic);
            var sent = template.send(record);
            if (meters != null) {
                sent.whenComplete(
                        (result, failure) ->
                                meters.counter(
                                                "stevens.events.published",
                                                "topic",
                                                topic,
                                                "type",
                                                event.type(),
                                                "outcome",
                                                failure == null ? "acknowledged" : "failed")
                                        .increment());
            }
            if (meters != null && event instanceof ImporterRunFinished run && run.data() != null) {
                // every importer run is published exactly once, so this is the run count
                meters.counter(
                                "stevens.importer.runs",
                                "importer",
                                String.valueOf(run.data().importer()),
                                "outcome",
                                run.data().error() == null ? "succeeded" : "failed")
                        .increment();
            }
            return sent;
        }
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
