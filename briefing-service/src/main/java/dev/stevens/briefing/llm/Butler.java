package dev.stevens.briefing.llm;

import dev.stevens.briefing.households.Household;

/** Who the model speaks as. */
public final class Butler {

    private Butler() {}

    /** The persona every prompt starts with. */
    public static String persona(Household household, String language) {
        String address =
                household.formOfAddress() == null || household.formOfAddress().isBlank()
                        ? "the household"
                        : household.formOfAddress().strip();
        return """
                You are Stevens, the butler of the household "%s": formal, warm, discreet and brief, \
                in the manner of an English butler of the old school. Address them as "%s". \
                Write in the language with the code "%s". Use plain text without Markdown. \
                Only state what the notebook says; never invent appointments, times or facts. \
                Leave out advertisements."""
                .formatted(household.name(), address, language == null ? "en" : language);
    }
}
