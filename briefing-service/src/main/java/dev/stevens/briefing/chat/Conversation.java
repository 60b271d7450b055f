package dev.stevens.briefing.chat;

import dev.stevens.briefing.households.ChatAccess;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.events.ChatMessagePosted;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers one message from a person: a command, or free text for the language model (or a polite
 * pointer to /help without one). The message enters the transcript in the same transaction, so a
 * redelivered message is answered only once, and a failure before the end answers it on retry.
 */
@Component
class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final HouseholdDirectory households;
    private final Transcript transcript;
    private final ChatCommands commands;
    private final ButlerTalk talk;
    private final Replies replies;
    private final Clock clock;

    Conversation(
            HouseholdDirectory households,
            Transcript transcript,
            ChatCommands commands,
            ButlerTalk talk,
            Replies replies,
            Clock clock) {
        this.clock = clock;
        this.households = households;
        this.transcript = transcript;
        this.commands = commands;
        this.talk = talk;
        this.replies = replies;
    }

    @Transactional
    public void answer(ChatMessagePosted event, ChatAccess chat) {
        var household = households.find(event.household());
        if (household.isEmpty()) {
            log.info(
                    "Chat message for household {} before its settings arrived; ignored",
                    event.household());
            return;
        }
        if (!transcript.add(event)) {
            return; // answered before
        }
        String text = event.data().text() == null ? "" : event.data().text().strip();
        var ask =
                new ChatCommands.Ask(
                        event,
                        household.get(),
                        LocalDate.now(clock.withZone(household.get().zone())));
        String reply =
                text.startsWith("/")
                        ? commands.run(ask, command(text), argument(text))
                        : talk.answer(ask, chat.language());
        replies.reply(event, reply);
    }

    /** "/remember@StevensBot milk" names the command "remember". */
    private static String command(String text) {
        String first = text.split("\\s+", 2)[0].substring(1);
        int at = first.indexOf('@');
        return (at >= 0 ? first.substring(0, at) : first).toLowerCase(Locale.ROOT);
    }

    private static String argument(String text) {
        String[] parts = text.split("\\s+", 2);
        return parts.length > 1 ? parts[1].strip() : "";
    }
}
