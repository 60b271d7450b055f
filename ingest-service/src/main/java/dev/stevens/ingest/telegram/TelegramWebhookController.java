package dev.stevens.ingest.telegram;

import dev.stevens.events.Topics;
import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.ingest.kafka.AcknowledgedPublisher;
import dev.stevens.support.web.ApiProblems;
import dev.stevens.support.web.ApiProblems.FieldProblem;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telegram's webhook. It answers as soon as Kafka has the chat event (milliseconds; the butler
 * thinks later), with an empty 200 body: Telegram would execute a Bot API method found in the body.
 * Chats no household allows get the same empty 200 — never a reply — so Telegram stops redelivering
 * them.
 */
@RestController
class TelegramWebhookController {

    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    private final byte[] secret;
    private final HouseholdDirectory households;
    private final AcknowledgedPublisher publisher;
    private final RecentUpdates recentUpdates;
    private final MeterRegistry meters;
    private final JsonMapper json;

    TelegramWebhookController(
            TelegramProperties properties,
            HouseholdDirectory households,
            AcknowledgedPublisher publisher,
            RecentUpdates recentUpdates,
            MeterRegistry meters,
            JsonMapper json) {
        String configured = properties.webhookSecret();
        this.secret =
                configured == null || configured.isBlank()
                        ? null
                        : configured.getBytes(StandardCharsets.UTF_8);
        this.households = households;
        this.publisher = publisher;
        this.recentUpdates = recentUpdates;
        this.meters = meters;
        this.json = json;
    }

    @PostMapping(PATH)
    ResponseEntity<?> receive(
            @RequestHeader(name = SECRET_HEADER, required = false) String presented,
            @RequestBody(required = false) byte[] body) {
        if (!secretMatches(presented)) {
            count("unauthorized");
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.UNAUTHORIZED,
                            "The " + SECRET_HEADER + " header is missing or wrong.");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        // parsed only after the secret matched, so strangers learn nothing about our parsing
        TelegramUpdate update = parse(body);
        if (update == null || update.updateId() == null) {
            return ResponseEntity.badRequest()
                    .body(
                            ApiProblems.badRequest(
                                    "This is not a Telegram update.",
                                    List.of(new FieldProblem("update_id", "must be present"))));
        }
        long updateId = update.updateId();
        if (recentUpdates.contains(updateId)) {
            return ignored("duplicate");
        }
        var message = update.carried();
        if (message == null || message.chat() == null || message.chat().id() == null) {
            return ignored("unsupported");
        }
        long chatId = message.chat().id();
        var household = households.householdOfChat(chatId);
        if (household.isEmpty()) {
            log.warn(
                    "Dropping Telegram update {} from chat {}: no household allows it",
                    updateId,
                    chatId);
            return ignored("chat_not_allowed");
        }
        String text = TelegramMessages.text(message);
        if (text == null) {
            return ignored("no_content");
        }
        publish(updateId, household.get(), message, text);
        return ResponseEntity.ok().build();
    }

    private void publish(
            long updateId, UUID household, TelegramUpdate.Message message, String text) {
        var event = TelegramMessages.event(updateId, household, message, text);
        // throws NotAcknowledgedException → 503, and Telegram redelivers the update
        publisher.publishAll(Topics.CHAT, household.toString(), List.of(event));
        recentUpdates.remember(updateId);
        count("published");
    }

    private TelegramUpdate parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, TelegramUpdate.class);
        } catch (JacksonException e) {
            return null;
        }
    }

    private boolean secretMatches(String presented) {
        return secret != null
                && presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<?> ignored(String outcome) {
        count(outcome);
        return ResponseEntity.ok().build();
    }

    private void count(String outcome) {
        meters.counter("stevens.telegram.updates", "outcome", outcome).increment();
    }
}
