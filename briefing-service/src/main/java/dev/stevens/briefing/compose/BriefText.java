package dev.stevens.briefing.compose;

import dev.stevens.briefing.compose.ComposedBrief.MemoryRef;
import dev.stevens.briefing.notebook.NotebookEntry;
import java.util.ArrayList;
import java.util.List;

/** Plain text being written, remembering which memories it mentions. */
final class BriefText {

    private final StringBuilder text = new StringBuilder();
    private final List<MemoryRef> used = new ArrayList<>();

    BriefText line(String line) {
        text.append(line).append('\n');
        return this;
    }

    BriefText blank() {
        return line("");
    }

    /** One bullet per memory; continuation lines of a multi-line memory are indented. */
    BriefText items(List<NotebookEntry> entries, String whenEmpty) {
        if (entries.isEmpty() && !whenEmpty.isEmpty()) {
            line(whenEmpty);
        }
        for (NotebookEntry entry : entries) {
            line("- " + entry.text().strip().replaceAll("\\s*\\R\\s*", "\n  "));
            used.add(new MemoryRef(entry.id(), entry.version()));
        }
        return this;
    }

    List<MemoryRef> used() {
        return List.copyOf(used);
    }

    @Override
    public String toString() {
        return text.toString().stripTrailing();
    }
}
