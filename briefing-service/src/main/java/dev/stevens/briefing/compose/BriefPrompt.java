package dev.stevens.briefing.compose;

import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.llm.Butler;
import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.LocalDate;
import java.util.List;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;

/** The model's instructions for a morning brief: the persona and the memories with their ids. */
final class BriefPrompt {

    private BriefPrompt() {}

    static List<Message> of(Household household, LocalDate date, List<NotebookEntry> notes) {
        var user = new StringBuilder();
        user.append("Write the morning brief for ")
                .append(BriefComposer.DAY.format(date))
                .append(" (")
                .append(date)
                .append(", time zone ")
                .append(household.zone().getId())
                .append(
                        """
                        ). Greet them, then: Today (weather, appointments with their times, \
                        reminders, post and parcels), Looking ahead (the rest of the week, \
                        tomorrow first, weather only when notable), background notes, a fact for \
                        the day if the notebook has one, and a formal sign-off as Stevens.
                        The notebook, one memory per line as [id] date | source | tags | text:
                        """);
        for (NotebookEntry note : DayItems.ordered(notes)) {
            if (Kind.of(note) == Kind.ADVERTISEMENT) {
                continue;
            }
            user.append('[')
                    .append(note.id())
                    .append("] ")
                    .append(note.date() == null ? "undated" : note.date())
                    .append(" | ")
                    .append(note.source())
                    .append(" | ")
                    .append(String.join(",", note.tags()))
                    .append(" | ")
                    .append(note.text().strip().replaceAll("\\s*\\R\\s*", " / "))
                    .append('\n');
        }
        return List.of(
                new SystemMessage(Butler.persona(household, "en")),
                new UserMessage(user.toString()));
    }
}
