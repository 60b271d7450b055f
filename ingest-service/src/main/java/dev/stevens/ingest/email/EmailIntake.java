package dev.stevens.ingest.email;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.Topics;
import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.ingest.kafka.AcknowledgedPublisher;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns one raw email into import events for one household and stores them in Kafka. Shared by the
 * HTTP endpoint and the IMAP poller.
 */
@Component
class EmailIntake {

    static final String PRODUCER = "/ingest/email";

    private final HouseholdDirectory households;
    private final AcknowledgedPublisher publisher;

    EmailIntake(HouseholdDirectory households, AcknowledgedPublisher publisher) {
        this.households = households;
        this.publisher = publisher;
    }

    /**
     * @return the ids of the stored events
     * @throws UnreadableEmailException if the bytes are not a readable email
     * @throws SenderNotAllowedException if the household does not accept the sender
     */
    List<UUID> accept(UUID household, byte[] raw) {
        return accept(household, EmailParser.parse(raw));
    }

    List<UUID> accept(UUID household, ParsedEmail email) {
        boolean allowed =
                households.allowedEmailSenders(household).stream()
                        .anyMatch(sender -> sender.equalsIgnoreCase(email.from()));
        if (!allowed) {
            throw new SenderNotAllowedException(email.from());
        }
        Instant now = Instant.now();
        List<ImportReceived> events =
                EmailImports.of(email, zoneOf(household)).stream()
                        .map(
                                data ->
                                        ImportReceived.of(
                                                eventId(household, data),
                                                PRODUCER,
                                                now,
                                                household,
                                                data))
                        .toList();
        publisher.publishAll(Topics.IMPORTS, household.toString(), events);
        return events.stream().map(ImportReceived::id).toList();
    }

    /** The same email (or digest piece) posted again gets the same id, so it is stored once. */
    private static UUID eventId(UUID household, ImportReceived.Data data) {
        return UUID.nameUUIDFromBytes(
                (household + ":email:" + data.externalKey()).getBytes(StandardCharsets.UTF_8));
    }

    private ZoneId zoneOf(UUID household) {
        return households
                .settings(household)
                .map(
                        settings -> {
                            try {
                                return ZoneId.of(settings.timeZone());
                            } catch (DateTimeException | NullPointerException e) {
                                return (ZoneId) ZoneOffset.UTC;
                            }
                        })
                .orElse(ZoneOffset.UTC);
    }
}
