package dev.stevens.briefing.compose;

import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.notebook.Notebook;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Composes a household's brief for a day from the current read model. */
@Component
public class BriefDrafts {

    private final Notebook notebook;
    private final BriefComposer composer = new BriefComposer();

    BriefDrafts(Notebook notebook) {
        this.notebook = notebook;
    }

    public ComposedBrief draft(Household household, LocalDate date) {
        var notes =
                notebook.window(household.id(), date, date.plusDays(BriefComposer.LOOK_AHEAD_DAYS));
        return composer.compose(household, date, notes);
    }
}
