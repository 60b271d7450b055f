package dev.stevens.briefing.compose;

import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One day's memories in the order a butler reads them out: the weather, appointments by their local
 * time (all-day ones first), reminders, then the post and parcels under their own heading.
 */
record DayItems(List<NotebookEntry> main, List<NotebookEntry> post) {

    private static final Comparator<NotebookEntry> READING_ORDER =
            Comparator.comparing((NotebookEntry e) -> rank(Kind.of(e)))
                    .thenComparing(
                            e -> Kind.timeOf(e).orElse(null),
                            Comparator.nullsFirst(LocalTime::compareTo))
                    .thenComparing(NotebookEntry::text)
                    .thenComparing(NotebookEntry::id);

    static DayItems of(List<NotebookEntry> entries) {
        List<NotebookEntry> main = new ArrayList<>();
        List<NotebookEntry> post = new ArrayList<>();
        for (NotebookEntry entry : ordered(entries)) {
            (Kind.of(entry) == Kind.POST ? post : main).add(entry);
        }
        return new DayItems(main, post);
    }

    static List<NotebookEntry> ordered(List<NotebookEntry> entries) {
        return entries.stream().sorted(READING_ORDER).toList();
    }

    void write(BriefText text, String whenEmpty) {
        text.items(main, post.isEmpty() ? whenEmpty : "");
        if (!post.isEmpty()) {
            text.line("Post and parcels").items(post, "");
        }
    }

    private static int rank(Kind kind) {
        return switch (kind) {
            case WEATHER -> 0;
            case APPOINTMENT -> 1;
            case POST -> 3;
            default -> 2;
        };
    }
}
