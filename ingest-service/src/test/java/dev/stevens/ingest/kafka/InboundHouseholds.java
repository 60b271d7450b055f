package dev.stevens.ingest.kafka;

import static org.awaitility.Awaitility.await;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.ApiToken;
import dev.stevens.events.HouseholdSettingsChanged.Importers;
import dev.stevens.events.Topics;
import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.ApiTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Plays memory-service for the inbound channels: a fresh household with allowed Telegram chats,
 * allowed email senders and one API token, usable once {@link #register} returns.
 */
public final class InboundHouseholds {

    public record Registered(UUID household, String token) {}

    private final EventPublisher publisher;
    private final ApiTokenDirectory tokens;
    private final HouseholdDirectory directory;

    public InboundHouseholds(
            EventPublisher publisher, ApiTokenDirectory tokens, HouseholdDirectory directory) {
        this.publisher = publisher;
        this.tokens = tokens;
        this.directory = directory;
    }

    public Registered register(List<Long> chats, List<String> senders, String... scopes) {
        UUID household = UUID.randomUUID();
        String token = ApiTokens.generate();
        var settings =
                new HouseholdSettingsChanged.Settings(
                        "Inbound test household " + household,
                        "America/New_York",
                        LocalTime.of(7, 0),
                        "Sir",
                        List.of(),
                        chats,
                        List.of(new ApiToken(ApiTokens.sha256Hex(token), List.of(scopes))),
                        1,
                        "en",
                        new Importers(null, List.of(), senders),
                        null);
        try {
            publisher
                    .publish(
                            Topics.HOUSEHOLDS,
                            household.toString(),
                            HouseholdSettingsChanged.of(
                                    UUID.randomUUID(), Instant.now(), household, settings))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish household settings", e);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                tokens.findByTokenHash(ApiTokens.sha256Hex(token)).isPresent()
                                        && directory.settings(household).isPresent());
        return new Registered(household, token);
    }
}
