package dev.stevens.memory;

import dev.stevens.memory.outbox.SwitchableOutboxSender;
import dev.stevens.testing.IntegrationTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * The one Spring context all service tests share (one import consumer per test JVM, so no other
 * context competes for the records a test produces). Each test uses fresh households.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// the relay polls rarely, so every test that reads the changelog shows it is woken by the commit
@IntegrationTest(
        properties = {"stevens.outbox.poll-interval=10m", "stevens.outbox.retry-interval=50ms"})
@Import(SwitchableOutboxSender.Configuration.class)
public @interface MemoryServiceTest {}
