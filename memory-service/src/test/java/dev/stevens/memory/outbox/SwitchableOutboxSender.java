package dev.stevens.memory.outbox;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real Kafka sender with a switch that makes every send fail, as a broker outage or a crash
 * between the database commit and the publish would.
 */
public class SwitchableOutboxSender implements OutboxSender {

    private final OutboxSender real;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();

    SwitchableOutboxSender(OutboxSender real) {
        this.real = real;
    }

    public void failEverySend(boolean fail) {
        failing.set(fail);
    }

    public int failures() {
        return failures.get();
    }

    @Override
    public CompletableFuture<?> send(OutboxRecord record) {
        if (failing.get()) {
            failures.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("broker unreachable"));
        }
        return real.send(record);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        SwitchableOutboxSender switchableOutboxSender(KafkaOutboxSender real) {
            return new SwitchableOutboxSender(real);
        }
    }
}
