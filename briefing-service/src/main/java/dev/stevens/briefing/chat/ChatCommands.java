package dev.stevens.briefing.chat;

import dev.stevens.briefing.chat.MemoryCommands.Issued;
import dev.stevens.briefing.chat.MemoryCommands.Request;
import dev.stevens.briefing.compose.Agenda;
import dev.stevens.briefing.compose.BriefComposer;
import dev.stevens.briefing.compose.BriefDrafts;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.notebook.Notebook;
import dev.stevens.briefing.notebook.NotebookEntry;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.MemoryCommandIssued.Action;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The commands that work without a language model. Each returns the butler's reply. */
@Component
class ChatCommands {

    /** A person's message and the household it came from. */
    record Ask(ChatMessagePosted message, Household household, LocalDate today) {

        UUID id() {
            return household.id();
        }

        String conversation() {
            return message.data().conversation();
        }
    }

    static final String HELP =
            """
            At your service. I understand:
            /today – today's diary
            /week – the diary for the coming week
            /brief – this morning's brief
            /remember <text> [on <YYYY-MM-DD> | today | tomorrow | <weekday>] – make a note
            /forget <number or ref> – strike a note (I shall ask you to confirm)
            /undo – take back my last change made from this chat
            /help – this list""";

    private final Notebook notebook;
    private final BriefDrafts drafts;
    private final ChatState state;
    private final MemoryRefs refs;
    private final MemoryCommands memoryCommands;
    private final Clock clock;

    ChatCommands(
            Notebook notebook,
            BriefDrafts drafts,
            ChatState state,
            MemoryRefs refs,
            MemoryCommands memoryCommands,
            Clock clock) {
        this.notebook = notebook;
        this.drafts = drafts;
        this.state = state;
        this.refs = refs;
        this.memoryCommands = memoryCommands;
        this.clock = clock;
    }

    String run(Ask ask, String command, String argument) {
        return switch (command) {
            case "start", "help" -> HELP;
            case "today" -> list(ask, ask.today(), ask.today());
            case "week" ->
                    list(ask, ask.today(), ask.today().plusDays(BriefComposer.LOOK_AHEAD_DAYS));
            case "brief" -> drafts.draft(ask.household(), ask.today()).content();
            case "remember" -> remember(ask, argument);
            case "forget" -> forget(ask, argument);
            case "yes" -> confirm(ask);
            case "no" ->
                    state.answer(ask.id(), ask.conversation())
                            .map(p -> "Very good" + address(ask.household()) + "; I shall keep it.")
                            .orElse("There is nothing awaiting your answer.");
            case "undo" -> undo(ask);
            default -> "I beg your pardon, I do not know /" + command + ".\n\n" + HELP;
        };
    }

    private String list(Ask ask, LocalDate from, LocalDate to) {
        List<NotebookEntry> notes = notebook.window(ask.id(), from, to);
        var text = new StringBuilder();
        List<UUID> shown = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            List<NotebookEntry> items = Agenda.day(notes, day);
            if (items.isEmpty() && !from.equals(to)) {
                continue;
            }
            text.append(text.isEmpty() ? "" : "\n").append(Agenda.dayName(day)).append('\n');
            for (NotebookEntry item : items) {
                shown.add(item.id());
                text.append(shown.size())
                        .append(". ")
                        .append(oneLine(item.text()))
                        .append(" (")
                        .append(MemoryRefs.shortRef(item.id()))
                        .append(")\n");
            }
        }
        state.rememberList(ask.id(), ask.conversation(), shown);
        if (shown.isEmpty()) {
            return from.equals(to)
                    ? "Nothing is in the diary for today" + address(ask.household()) + "."
                    : "Nothing is in the diary for the coming week"
                            + address(ask.household())
                            + ".";
        }
        return text.toString().strip();
    }

    private String remember(Ask ask, String argument) {
        if (argument.isBlank()) {
            return "What shall I remember? For instance: /remember Buy stamps tomorrow";
        }
        var request = RememberRequest.parse(argument, ask.today());
        UUID memory = MemoryCommands.derived(ask.message().id(), "memory");
        memoryCommands.issue(
                request(ask, Action.CREATE, memory, request.text(), request.date()), null);
        return "Very good"
                + address(ask.household())
                + ". I have noted “"
                + request.text()
                + "”"
                + (request.date() == null ? "" : " for " + Agenda.dayName(request.date()))
                + " (ref "
                + MemoryRefs.shortRef(memory)
                + "). /undo takes it back.";
    }

    private String forget(Ask ask, String argument) {
        if (argument.isBlank()) {
            return "Which note shall I strike? Give its number from /today or /week, or its ref.";
        }
        MemoryRefs.Found found = refs.find(ask.id(), ask.conversation(), argument);
        if (found instanceof MemoryRefs.One one) {
            NotebookEntry memory = one.memory();
            state.ask(
                    ask.id(),
                    ask.conversation(),
                    new ChatState.Pending(memory.id(), memory.text()),
                    clock.instant());
            return "Shall I forget “"
                    + oneLine(memory.text())
                    + "” ("
                    + MemoryRefs.shortRef(memory.id())
                    + ")? /yes to confirm, /no to keep it.";
        }
        if (found instanceof MemoryRefs.Ambiguous) {
            return "Several notes begin with “"
                    + argument
                    + "”; a few more characters of the ref, if you please.";
        }
        return "I cannot find a note “"
                + argument
                + "”. /today and /week show the numbers and refs.";
    }

    private String confirm(Ask ask) {
        return state.answer(ask.id(), ask.conversation())
                .map(
                        pending -> {
                            memoryCommands.issue(
                                    request(ask, Action.DELETE, pending.memoryId(), null, null),
                                    null);
                            return "Done"
                                    + address(ask.household())
                                    + ": “"
                                    + oneLine(pending.text())
                                    + "” is struck from the notebook. /undo brings it back.";
                        })
                .orElse("There is nothing awaiting your answer.");
    }

    private String undo(Ask ask) {
        return memoryCommands
                .lastUndoable(ask.id())
                .map(
                        last -> {
                            Action inverse =
                                    last.action() == Action.DELETE ? Action.RESTORE : Action.DELETE;
                            memoryCommands.issue(
                                    request(ask, inverse, last.memoryId(), null, null), last.id());
                            return describeUndo(ask, last);
                        })
                .orElse("There is nothing of mine to undo" + address(ask.household()) + ".");
    }

    private static String describeUndo(Ask ask, Issued undone) {
        return undone.action() == Action.DELETE
                ? "Certainly" + address(ask.household()) + ". The note is back in the notebook."
                : "Certainly"
                        + address(ask.household())
                        + ". I have struck “"
                        + oneLine(undone.text())
                        + "” again.";
    }

    private static Request request(
            Ask ask, Action action, UUID memory, String text, LocalDate date) {
        var message = ask.message();
        return new Request(
                ask.id(),
                ask.conversation(),
                message.data().author(),
                message.id(),
                action,
                memory,
                text,
                date);
    }

    /** ", Sir" for a household addressed as Sir; nothing when no form of address is set. */
    static String address(Household household) {
        String address = household.formOfAddress();
        return address == null || address.isBlank() ? "" : ", " + address.strip();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " / ");
    }
}
