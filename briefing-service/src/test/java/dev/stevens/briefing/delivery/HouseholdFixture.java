package dev.stevens.briefing.delivery;

import static org.awaitility.Awaitility.await;

import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.ApiToken;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Publishes a household with any recipients (Telegram, email, webhook, quiet hours, skipping empty
 * briefs) on the real households topic and waits until the service has applied it.
 */
public final class HouseholdFixture {

    private final EventPublisher publisher;
    private final HouseholdDirectory directory;

    public HouseholdFixture(EventPublisher publisher, HouseholdDirectory directory) {
        this.publisher = publisher;
        this.directory = directory;
    }

    public TestHousehold create(
            String zone, LocalTime briefTime, String webhookSecret, Recipient... recipients) {
        var household = new TestHousehold(UUID.randomUUID(), ApiTokens.generate(), null);
        var settings =
                new Settings(
                        "The Fixtures",
                        zone,
                        briefTime,
                        "Sir",
                        List.of(recipients),
                        List.of(),
                        List.of(
                                new ApiToken(
                                        ApiTokens.sha256Hex(household.token()),
                                        List.of("briefings:read"))),
                        1,
                        "en",
                        null,
                        webhookSecret);
        try {
            publisher
                    .publish(
                            Topics.HOUSEHOLDS,
                            household.id().toString(),
                            HouseholdSettingsChanged.of(
                                    UUID.randomUUID(), Instant.now(), household.id(), settings))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.find(household.id()).isPresent());
        return household;
    }
}
