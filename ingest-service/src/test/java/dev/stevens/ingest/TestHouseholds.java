package dev.stevens.ingest;

import static org.awaitility.Awaitility.await;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.ApiToken;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.ApiTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Plays memory-service: publishes household settings with token hashes, as it would. */
public final class TestHouseholds {

    public record Registered(UUID household, String token) {}

    private final EventPublisher publisher;
    private final ApiTokenDirectory directory;

    public TestHouseholds(EventPublisher publisher, ApiTokenDirectory directory) {
        this.publisher = publisher;
        this.directory = directory;
    }

    /** A fresh household with one token, usable once this returns. */
    public Registered register(String... scopes) {
        UUID household = UUID.randomUUID();
        String token = ApiTokens.generate();
        publishSettings(
                household, 1, List.of(new ApiToken(ApiTokens.sha256Hex(token), List.of(scopes))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> directory.findByTokenHash(ApiTokens.sha256Hex(token)).isPresent());
        return new Registered(household, token);
    }

    public void publishSettings(UUID household, long version, List<ApiToken> tokens) {
        var settings =
                new HouseholdSettingsChanged.Settings(
                        "Test household " + household,
                        "Europe/London",
                        LocalTime.of(7, 0),
                        "Sir",
                        List.of(),
                        List.of(),
                        tokens,
                        version);
        var event =
                HouseholdSettingsChanged.of(UUID.randomUUID(), Instant.now(), household, settings);
        try {
            publisher
                    .publish(Topics.HOUSEHOLDS, household.toString(), event)
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish household settings", e);
        }
    }
}
