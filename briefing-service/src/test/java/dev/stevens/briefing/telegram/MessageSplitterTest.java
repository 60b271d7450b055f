package dev.stevens.briefing.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    @Test
    void aShortTextIsOneMessage() {
        assertThat(MessageSplitter.split("Good morning, Sir.\nToday", 4000))
                .containsExactly("Good morning, Sir.\nToday");
    }

    @Test
    void aLongTextIsSplitOnLineBoundariesBelowTheLimit() {
        String text = "aaaa\nbbbb\ncccc\ndddd";

        List<String> parts = MessageSplitter.split(text, 10);

        assertThat(parts).containsExactly("aaaa\nbbbb", "cccc\ndddd");
        assertThat(String.join("\n", parts)).isEqualTo(text);
    }

    @Test
    void aSingleLineLongerThanTheLimitIsCut() {
        assertThat(MessageSplitter.split("abcdefghij\nk", 4))
                .containsExactly("abcd", "efgh", "ij\nk");
    }

    @Test
    void everyPartOfARealisticLongBriefFitsTelegramsLimit() {
        String line = "- A fairly long reminder about something the household must not forget.\n";
        String text = line.repeat(200);

        List<String> parts = MessageSplitter.split(text, MessageSplitter.MAX_LENGTH);

        assertThat(parts)
                .hasSizeGreaterThan(1)
                .allSatisfy(part -> assertThat(part.length()).isLessThan(4096));
        assertThat(String.join("\n", parts)).isEqualTo(text.strip());
    }
}
