package dev.stevens.ingest.households;

import dev.stevens.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

/**
 * Reads the compacted {@link Topics#HOUSEHOLDS} topic from the beginning on every start and keeps
 * following it. It assigns itself every partition instead of joining a consumer group and never
 * commits offsets: each instance needs the whole topic, independent of the others.
 */
@Component
class HouseholdSettingsReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HouseholdSettingsReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private final ConsumerFactory<?, ?> consumerFactory;
    private final SettingsRecords records;
    private final CatchUp catchUp;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    HouseholdSettingsReader(
            ConsumerFactory<?, ?> consumerFactory, SettingsRecords records, CatchUp catchUp) {
        this.consumerFactory = consumerFactory;
        this.records = records;
        this.catchUp = catchUp;
    }

    @Override
    public synchronized void start() {
        // a test context may be paused (stopped) and started again
        stopped = new CountDownLatch(1);
        running = true;
        thread = new Thread(this::readUntilStopped, "household-settings-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        stopped.countDown();
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
                read(opened);
            } catch (WakeupException e) {
                return; // stop() woke us up
            } catch (RuntimeException e) {
                // broker unreachable or topic missing: start over, a replay is harmless
                log.warn("Reading {} failed, retrying: {}", Topics.HOUSEHOLDS, e.toString());
                pause();
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
                        null, "ingest-households-", CLIENT_IDS.incrementAndGet() + "", overrides);
    }

    private void read(Consumer<String, byte[]> consumer) {
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.HOUSEHOLDS).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(
                    "topic " + Topics.HOUSEHOLDS + " has no partitions yet");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                records.apply(record);
            }
            if (!catchUp.isCaughtUp()
                    && partitions.stream()
                            .allMatch(p -> consumer.position(p) >= endAtStart.get(p))) {
                catchUp.caughtUp();
                log.info(
                        "Household token directory loaded: {} households",
                        records.householdCount());
            }
        }
    }

    private void pause() {
        try {
            stopped.await(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
