package dev.stevens.briefing.compose;

import dev.stevens.briefing.compose.ComposedBrief.MemoryRef;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.llm.Llm;
import dev.stevens.briefing.llm.LlmException;
import dev.stevens.briefing.notebook.Notebook;
import dev.stevens.briefing.notebook.NotebookEntry;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Composes a household's brief for a day from the current read model: with the language model when
 * one is configured, and with the deterministic composer otherwise or whenever the model fails (the
 * fallback and its reason are kept in the composer name).
 */
@Component
public class BriefDrafts {

    public static final String LLM_COMPOSER_VERSION = "1";
    private static final Logger log = LoggerFactory.getLogger(BriefDrafts.class);

    private final Notebook notebook;
    private final Llm llm;
    private final BriefComposer composer = new BriefComposer();

    BriefDrafts(Notebook notebook, Llm llm) {
        this.notebook = notebook;
        this.llm = llm;
    }

    public ComposedBrief draft(Household household, LocalDate date) {
        var notes =
                notebook.window(household.id(), date, date.plusDays(BriefComposer.LOOK_AHEAD_DAYS));
        return draft(household, date, notes);
    }

    ComposedBrief draft(Household household, LocalDate date, List<NotebookEntry> notes) {
        ComposedBrief deterministic = composer.compose(household, date, notes);
        if (!llm.available()) {
            return deterministic;
        }
        try {
            String text = llm.ask(BriefPrompt.of(household, date, notes));
            // the model saw every memory but advertisements; those are what it was made from
            List<MemoryRef> used =
                    notes.stream()
                            .filter(n -> Kind.of(n) != Kind.ADVERTISEMENT)
                            .map(n -> new MemoryRef(n.id(), n.version()))
                            .toList();
            return new ComposedBrief(text, "llm:" + llm.label(), LLM_COMPOSER_VERSION, used);
        } catch (LlmException e) {
            log.warn(
                    "Language model failed for household {} ({}); the deterministic brief is used",
                    household.id(),
                    e.reason());
            return new ComposedBrief(
                    deterministic.content(),
                    BriefComposer.NAME + " (fallback: " + e.reason() + ")",
                    BriefComposer.VERSION,
                    deterministic.used());
        }
    }
}
