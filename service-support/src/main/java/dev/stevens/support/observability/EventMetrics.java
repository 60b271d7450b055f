package dev.stevens.support.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What consumers did with events: {@code stevens.events.applied} (a timer per topic and consumer
 * group whose count is the apply rate and whose value is the lag from the event's own time, the
 * {@code ce_time} header, to the moment the listener returned — after its transaction committed)
 * and {@code stevens.events.failed} (listener attempts that threw; retries count again).
 */
public class EventMetrics {

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void applied(ConsumerRecord<?, ?> record, String group) {
        Timer timer =
                Timer.builder("stevens.events.applied")
                        .description("Events applied, and the lag from event time to applied")
                        .tag("topic", record.topic())
                        .tag("group", group)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofMinutes(10))
                        .register(registry);
        Instant time = eventTime(record);
        Duration lag = time == null ? Duration.ZERO : Duration.between(time, Instant.now());
        timer.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    void failed(ConsumerRecord<?, ?> record, String group) {
        Counter.builder("stevens.events.failed")
                .description("Listener attempts that threw (each retry counts)")
                .tag("topic", record.topic())
                .tag("group", group)
                .register(registry)
                .increment();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Instant eventTime(ConsumerRecord<?, ?> record) {
        String time = header(record, "ce_time");
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
