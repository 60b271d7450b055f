package dev.stevens.briefing.chat;

import dev.stevens.briefing.delivery.DeliveryChannel;
import dev.stevens.briefing.delivery.DeliveryOutcome;
import dev.stevens.briefing.delivery.DeliveryOutcome.Delivered;
import dev.stevens.briefing.delivery.DeliveryOutcome.Failed;
import dev.stevens.briefing.households.Recipient;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the butler's reply through the Telegram channel the briefs use (same client: splitting,
 * escaping, its error handling), retries transient failures with backoff honouring {@code
 * retry_after}, and posts the reply on {@code stevens.chat.v1} so the transcript is complete.
 */
@Component
class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    static final String AUTHOR = "stevens";

    private final DeliveryChannel telegram;
    private final EventPublisher publisher;
    private final Transcript transcript;
    private final ChatProperties properties;
    private final Clock clock;

    Replies(
            List<DeliveryChannel> channels,
            EventPublisher publisher,
            Transcript transcript,
            ChatProperties properties,
            Clock clock) {
        this.telegram =
                channels.stream()
                        .filter(c -> Recipient.TELEGRAM.equals(c.name()))
                        .findFirst()
                        .orElse(null);
        this.publisher = publisher;
        this.transcript = transcript;
        this.properties = properties;
        this.clock = clock;
    }

    void reply(ChatMessagePosted to, String text) {
        DeliveryOutcome outcome = send(to.data().conversation(), text);
        if (!(outcome instanceof Delivered delivered)) {
            log.warn("Reply to household {} not delivered: {}", to.household(), outcome);
            return;
        }
        var message =
                new ChatMessagePosted.Message(
                        to.data().channel(),
                        to.data().conversation(),
                        delivered.receipt(),
                        AUTHOR,
                        true,
                        text);
        var event =
                ChatMessagePosted.of(
                        MemoryCommands.derived(to.id(), "reply"),
                        "/briefing-service",
                        clock.instant(),
                        to.household(),
                        message);
        transcript.add(event); // at once, so the next message's context has it
        try {
            publisher
                    .publish(Topics.CHAT, to.household().toString(), event)
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.warn(
                    "Reply to household {} sent but not posted to the transcript topic",
                    to.household());
        }
    }

    private DeliveryOutcome send(String chat, String text) {
        if (telegram == null) {
            return new DeliveryOutcome.Skipped("no Telegram channel");
        }
        Duration pause = properties.retryBackoff();
        DeliveryOutcome outcome = null;
        for (int attempt = 1; attempt <= properties.sendAttempts(); attempt++) {
            outcome = telegram.send(chat, text);
            if (!(outcome instanceof Failed failed) || failed.permanent()) {
                return outcome;
            }
            Duration wait =
                    failed.retryAfter() != null && failed.retryAfter().compareTo(pause) > 0
                            ? failed.retryAfter()
                            : pause;
            if (attempt == properties.sendAttempts()
                    || wait.compareTo(properties.maxRetryWait()) > 0) {
                return outcome;
            }
            sleep(wait);
            pause = pause.multipliedBy(2);
        }
        return outcome;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
