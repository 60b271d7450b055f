package dev.stevens.briefing.support;

import static org.awaitility.Awaitility.await;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.ApiToken;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import dev.stevens.events.MemoryChanged;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.ApiTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Publishes households and memories the way memory-service does, on the real topics. */
public class TestHouseholds {

    /** A household the tests created: its id, API token and Telegram chat (null if none). */
    public record TestHousehold(UUID id, String token, Long chatId) {

        public String chat() {
            return String.valueOf(chatId);
        }
    }

    private final EventPublisher publisher;
    private final ApiTokenDirectory tokens;

    TestHouseholds(EventPublisher publisher, ApiTokenDirectory tokens) {
        this.publisher = publisher;
        this.tokens = tokens;
    }

    public TestHousehold create(String zone, LocalTime briefTime) {
        return create(zone, briefTime, true, List.of("briefings:read"));
    }

    /** Publishes version 1 of a fresh household's settings and waits until it can call the API. */
    public TestHousehold create(
            String zone, LocalTime briefTime, boolean withTelegram, List<String> scopes) {
        var household =
                new TestHousehold(
                        UUID.randomUUID(),
                        ApiTokens.generate(),
                        withTelegram ? ThreadLocalRandom.current().nextLong(1, 1L << 40) : null);
        publishSettings(household, zone, briefTime, "Sir", 1, scopes);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                tokens.findByTokenHash(ApiTokens.sha256Hex(household.token()))
                                        .isPresent());
        return household;
    }

    public void publishSettings(
            TestHousehold household,
            String zone,
            LocalTime briefTime,
            String formOfAddress,
            long version,
            List<String> scopes) {
        List<Recipient> recipients =
                household.chatId() == null
                        ? List.of()
                        : List.of(new Recipient("Ada", household.chatId(), null, null));
        var settings =
                new Settings(
                        "The Tests",
                        zone,
                        briefTime,
                        formOfAddress,
                        recipients,
                        List.of(),
                        List.of(new ApiToken(ApiTokens.sha256Hex(household.token()), scopes)),
                        version);
        send(
                Topics.HOUSEHOLDS,
                household.id().toString(),
                HouseholdSettingsChanged.of(
                        UUID.randomUUID(), Instant.now(), household.id(), settings));
    }

    public void publishMemory(
            TestHousehold household,
            UUID memory,
            LocalDate date,
            String text,
            long version,
            boolean deleted) {
        var snapshot =
                new MemoryChanged.Snapshot(
                        memory,
                        "reminder",
                        null,
                        date,
                        text,
                        List.of(),
                        version,
                        deleted,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z").plusSeconds(version),
                        UUID.randomUUID());
        send(
                Topics.MEMORIES,
                memory.toString(),
                MemoryChanged.of(UUID.randomUUID(), Instant.now(), household.id(), snapshot));
    }

    /** Publishes a snapshot exactly as given (for archive and valid-until cases). */
    public void publishSnapshot(TestHousehold household, MemoryChanged.Snapshot snapshot) {
        send(
                Topics.MEMORIES,
                snapshot.memoryId().toString(),
                MemoryChanged.of(UUID.randomUUID(), Instant.now(), household.id(), snapshot));
    }

    public UUID publishMemory(TestHousehold household, LocalDate date, String text) {
        UUID memory = UUID.randomUUID();
        publishMemory(household, memory, date, text, 1, false);
        return memory;
    }

    private void send(String topic, String key, dev.stevens.events.StevensEvent event) {
        try {
            publisher.publish(topic, key, event).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
