package dev.stevens.ingest.importers;

import dev.stevens.events.EventTypes;
import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the compacted {@link Topics#HOUSEHOLDS} topic from the beginning into {@link
 * ImporterSettings}. Like the token directory's reader it assigns itself every partition and never
 * commits: every instance needs every household. It is a separate consumer so that the importers
 * stay out of the authentication path's code.
 */
@Component
class ImporterSettingsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImporterSettingsReader.class);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private final ConsumerFactory<?, ?> consumerFactory;
    private final JsonMapper jsonMapper;
    private final ImporterSettings settings;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    ImporterSettingsReader(
            ConsumerFactory<?, ?> consumerFactory,
            JsonMapper jsonMapper,
            ImporterSettings settings) {
        this.consumerFactory = consumerFactory;
        this.jsonMapper = jsonMapper;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::readUntilStopped, "importer-settings-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void readUntilStopped() {
        while (running) {
            try (Consumer<String, byte[]> opened = open()) {
                consumer = opened;
                List<TopicPartition> partitions =
                        opened.partitionsFor(Topics.HOUSEHOLDS).stream()
                                .map(p -> new TopicPartition(p.topic(), p.partition()))
                                .toList();
                if (partitions.isEmpty()) {
                    throw new IllegalStateException("no partitions of " + Topics.HOUSEHOLDS);
                }
                opened.assign(partitions);
                opened.seekToBeginning(partitions);
                while (running) {
                    opened.poll(Duration.ofMillis(500)).forEach(this::apply);
                }
            } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
                return;
            } catch (RuntimeException e) {
                // broker unreachable or topic missing: start over, replaying is harmless
                log.warn("Reading {} failed, retrying: {}", Topics.HOUSEHOLDS, e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            } finally {
                consumer = null;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> open() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return (Consumer<String, byte[]>)
                consumerFactory.createConsumer(
                        null, "ingest-importers-", CLIENT_IDS.incrementAndGet() + "", overrides);
    }

    /** Tolerant: memory-service owns the topic, one unreadable record must not stop the rest. */
    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                settings.forget(UUID.fromString(record.key()));
                return;
            }
            var event = jsonMapper.readValue(record.value(), HouseholdSettingsChanged.class);
            if (EventTypes.HOUSEHOLD_SETTINGS_CHANGED.equals(event.type())
                    && event.household() != null
                    && event.data() != null) {
                settings.apply(event);
            }
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn(
                    "Skipping unreadable households record at offset {}: {}",
                    record.offset(),
                    e.getMessage());
        }
    }
}
