package dev.stevens.briefing.chat;

import dev.stevens.briefing.compose.BriefComposer;
import dev.stevens.briefing.llm.Butler;
import dev.stevens.briefing.llm.Llm;
import dev.stevens.briefing.llm.LlmException;
import dev.stevens.briefing.notebook.Notebook;
import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.stereotype.Component;

/**
 * Free text: answered by the language model in the butler's voice, with the newest messages of the
 * conversation and the notebook window as context. Without a model (or when it fails) the butler
 * politely points to the commands.
 */
@Component
class ButlerTalk {

    private static final Logger log = LoggerFactory.getLogger(ButlerTalk.class);

    private final Llm llm;
    private final Notebook notebook;
    private final Transcript transcript;
    private final ChatProperties properties;

    ButlerTalk(Llm llm, Notebook notebook, Transcript transcript, ChatProperties properties) {
        this.llm = llm;
        this.notebook = notebook;
        this.transcript = transcript;
        this.properties = properties;
    }

    String answer(ChatCommands.Ask ask, String language) {
        if (!llm.available()) {
            return "I beg your pardon"
                    + ChatCommands.address(ask.household())
                    + ", I am only able to follow the commands for now. /help lists them.";
        }
        try {
            return llm.ask(prompt(ask, language));
        } catch (LlmException e) {
            log.warn("Language model failed on a chat message ({})", e.reason());
            return "I am terribly sorry"
                    + ChatCommands.address(ask.household())
                    + ", I cannot give that the attention it deserves just now. /help lists what I"
                    + " can always do.";
        }
    }

    private List<Message> prompt(ChatCommands.Ask ask, String language) {
        LocalDate today = ask.today();
        var system = new StringBuilder(Butler.persona(ask.household(), language));
        system.append("\nToday is ")
                .append(today)
                .append(
                        ". Answer the household's last message briefly. To change the notebook they"
                                + " can use /remember, /forget and /undo; suggest these rather than claiming"
                                + " to have changed anything.\nThe notebook ([id] date | source | text):\n");
        for (NotebookEntry note :
                notebook.window(
                        ask.household().id(),
                        today,
                        today.plusDays(BriefComposer.LOOK_AHEAD_DAYS))) {
            if (note.tags().contains("advertisement")) {
                continue;
            }
            system.append('[')
                    .append(note.id())
                    .append("] ")
                    .append(note.date() == null ? "undated" : note.date())
                    .append(" | ")
                    .append(note.source())
                    .append(" | ")
                    .append(note.text().strip().replaceAll("\\s*\\R\\s*", " / "))
                    .append('\n');
        }
        List<Message> messages = new ArrayList<>();
        messages.add(new SystemMessage(system.toString()));
        // Anthropic wants the turns to start with the person and alternate: drop a leading reply
        // (e.g. the morning brief) and join consecutive messages of the same side
        boolean butlerTurn = false;
        StringBuilder turn = new StringBuilder();
        for (var line :
                transcript.newest(
                        ask.household().id(),
                        ask.message().data().conversation(),
                        properties.historySize())) {
            if (turn.isEmpty() && line.fromButler()) {
                continue;
            }
            if (!turn.isEmpty() && line.fromButler() != butlerTurn) {
                messages.add(message(butlerTurn, turn.toString()));
                turn.setLength(0);
            }
            butlerTurn = line.fromButler();
            turn.append(turn.isEmpty() ? "" : "\n")
                    .append(line.fromButler() ? line.text() : line.author() + ": " + line.text());
        }
        if (!turn.isEmpty()) {
            messages.add(message(butlerTurn, turn.toString()));
        }
        return messages;
    }

    private static Message message(boolean fromButler, String text) {
        return fromButler ? new AssistantMessage(text) : new UserMessage(text);
    }
}
