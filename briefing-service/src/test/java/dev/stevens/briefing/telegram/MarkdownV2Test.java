package dev.stevens.briefing.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownV2Test {

    @Test
    void everySpecialCharacterIsPrecededByABackslash() {
        String special = "_*[]()~`>#+-=|{}.!";

        String escaped = MarkdownV2.escape(special);

        assertThat(escaped).isEqualTo("\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!");
    }

    @Test
    void aBackslashIsEscapedSoItCannotEscapeTheNextCharacter() {
        assertThat(MarkdownV2.escape("C:\\temp")).isEqualTo("C:\\\\temp");
    }

    @Test
    void ordinaryTextAndLineBreaksStayAsTheyAre() {
        assertThat(MarkdownV2.escape("Good morning, Sir\nToday: 10:00 dentist"))
                .isEqualTo("Good morning, Sir\nToday: 10:00 dentist");
    }

    @Test
    void aRealisticBriefLineIsEscapedCompletely() {
        assertThat(MarkdownV2.escape("- Dentist at 10:00 (Dr. Smith) - bring card #42!"))
                .isEqualTo("\\- Dentist at 10:00 \\(Dr\\. Smith\\) \\- bring card \\#42\\!");
    }

    @Test
    void aTextFullOfSpecialCharactersIsSplitSoEveryEscapedPartFits() {
        String text = (".".repeat(3000) + "\n").repeat(3);

        var parts = MessageSplitter.splitForMarkdown(text);

        assertThat(parts)
                .allSatisfy(
                        part ->
                                assertThat(MarkdownV2.escape(part).length())
                                        .isLessThanOrEqualTo(MessageSplitter.MAX_LENGTH));
        assertThat(String.join("", parts).replace("\n", "")).hasSize(9000);
    }
}
