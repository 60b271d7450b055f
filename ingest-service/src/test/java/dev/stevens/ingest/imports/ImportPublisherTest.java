package dev.stevens.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stevens.events.ImportReceived;
import dev.stevens.support.kafka.EventPublisher;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/** A real Kafka producer pointed at a port where no broker answers. */
class ImportPublisherTest {

    @Test
    void whenKafkaDoesNotAcknowledgeInTimeTheEventsCountAsNotStored() throws Exception {
        int deadPort;
        try (var socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        "127.0.0.1:" + deadPort,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        JacksonJsonSerializer.class,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        300,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                        1000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                        500);
        var factory = new DefaultKafkaProducerFactory<Object, Object>(config);
        var template = new KafkaTemplate<>(factory);
        var publisher = new ImportPublisher(new EventPublisher(template), Duration.ofSeconds(2));
        UUID household = UUID.randomUUID();
        var event =
                ImportReceived.of(
                        UUID.randomUUID(),
                        "/ingest/api",
                        Instant.now(),
                        household,
                        new ImportReceived.Data("mail", "x", null, null, null, null));

        long start = System.nanoTime();
        try {
            assertThatThrownBy(() -> publisher.publishAll(household, List.of(event)))
                    .isInstanceOf(EventsNotStoredException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            factory.destroy();
        }
    }
}
