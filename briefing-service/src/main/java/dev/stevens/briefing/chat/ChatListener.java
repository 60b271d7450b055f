package dev.stevens.briefing.chat;

import dev.stevens.briefing.households.ChatAccess;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.Topics;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the household conversations on {@code stevens.chat.v1}: the butler's own messages only go
 * into the transcript; a person's message in an allowed chat is kept and answered once.
 */
@Component
class ChatListener {

    private static final Logger log = LoggerFactory.getLogger(ChatListener.class);

    private final HouseholdDirectory households;
    private final Transcript transcript;
    private final Conversation conversation;
    private final ChatProperties properties;
    private final Clock clock;

    ChatListener(
            HouseholdDirectory households,
            Transcript transcript,
            Conversation conversation,
            ChatProperties properties,
            Clock clock) {
        this.households = households;
        this.transcript = transcript;
        this.conversation = conversation;
        this.properties = properties;
        this.clock = clock;
    }

    @KafkaListener(id = "briefing-chat", idIsGroup = false, topics = Topics.CHAT)
    void on(ChatMessagePosted event) {
        var message = event.data();
        if (event.id() == null
                || event.household() == null
                || message == null
                || message.conversation() == null) {
            return; // nothing to answer or to keep; memory-service owns rejecting such events
        }
        var household = households.chatAccess(event.household());
        if (household.isEmpty() || !allowed(household.get(), message)) {
            log.info(
                    "Chat message for household {} from a chat not allowed; ignored",
                    event.household());
            return;
        }
        if (message.fromButler()) {
            transcript.add(event);
            return;
        }
        if (!fresh(event)) {
            log.info(
                    "Chat message {} of {} is history; kept, not answered",
                    event.id(),
                    event.time());
            transcript.add(event);
            return;
        }
        conversation.answer(event, household.get());
    }

    private boolean fresh(ChatMessagePosted event) {
        if (event.time() == null) {
            return true;
        }
        Duration age = Duration.between(event.time(), clock.instant()).abs();
        return age.compareTo(properties.answerWithin()) <= 0;
    }

    private static boolean allowed(ChatAccess household, ChatMessagePosted.Message message) {
        if (!"telegram".equals(message.channel())) {
            return false;
        }
        try {
            return household.allows(Long.parseLong(message.conversation()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
