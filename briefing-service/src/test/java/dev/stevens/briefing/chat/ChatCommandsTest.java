package dev.stevens.briefing.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The chat without a language model: messages go to the real chat topic, replies come back at the
 * Telegram stub, notebook changes leave as memory commands on the real topic.
 */
class ChatCommandsTest extends BriefingIntegrationTest {

    static final LocalDate THURSDAY = LocalDate.parse("2026-11-26");

    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired WireMockServer wireMock;
    @Autowired MutableClock clock;
    ChatFixture chat;

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        chat = new ChatFixture(publisher, jdbc, wireMock, BOT_TOKEN, clock).create(true);
    }

    @Test
    void helpListsTheCommands() {
        chat.say("/help");

        assertThat(chat.reply(1))
                .contains("/today", "/week", "/brief", "/remember", "/forget", "/undo", "/help");
    }

    @Test
    void todayListsTodaysItemsNumberedWithTheirShortRefs() {
        UUID dentist = chat.memory(THURSDAY, "Dentist at 10:00.");
        UUID cleaning = chat.memory(THURSDAY, "Collect the dry cleaning.");
        chat.memory(THURSDAY.plusDays(1), "Tomorrow; not today.");

        chat.say("/today");

        assertThat(chat.reply(1))
                .isEqualTo(
                        "Thursday 26 November\n1. Dentist at 10:00. ("
                                + dentist.toString().substring(0, 8)
                                + ")\n2. Collect the dry cleaning. ("
                                + cleaning.toString().substring(0, 8)
                                + ")");
    }

    @Test
    void weekListsTheComingDaysAndBriefSendsTodaysBrief() {
        chat.memory(THURSDAY.plusDays(2), "Lunch with Aunt Agatha.");

        chat.say("/week");
        chat.say("/brief");

        assertThat(chat.reply(1))
                .startsWith("Saturday 28 November\n1. Lunch with Aunt Agatha.")
                .doesNotContain("Thursday 26 November");
        assertThat(chat.reply(2))
                .startsWith("Good morning, Sir.")
                .contains("Saturday 28 November", "Your servant,");
    }

    @Test
    void rememberIssuesACreateCommandForTheNamedDayByThePerson() {
        chat.say("/remember Buy stamps tomorrow");

        assertThat(chat.reply(1)).contains("I have noted “Buy stamps” for Friday 27 November");
        JsonNode command = awaitCommands(1).get(0);
        assertThat(command.path("type").asString()).isEqualTo("dev.stevens.memory.command.issued");
        assertThat(command.path("data").path("action").asString()).isEqualTo("CREATE");
        assertThat(command.path("data").path("text").asString()).isEqualTo("Buy stamps");
        assertThat(command.path("data").path("date").asString()).isEqualTo("2026-11-27");
        assertThat(command.path("data").path("actor").asString()).isEqualTo("telegram:Ada");
        assertThat(chat.reply(1))
                .contains(command.path("data").path("memoryId").asString().substring(0, 8));
        assertThat(chat.count("chat_commands", "household_id")).isEqualTo(1);
    }

    @Test
    void rememberUnderstandsWeekdaysDatesAndUndatedNotes() {
        chat.say("/remember Window cleaner on friday");
        chat.say("/remember Pay the gardener on 2026-12-24");
        chat.say("/remember The Wi-Fi password is on the fridge");

        List<JsonNode> commands = awaitCommands(3);
        assertThat(commands)
                .extracting(c -> c.path("data").path("date").asString(null))
                .containsExactly("2026-11-27", "2026-12-24", null);
        assertThat(commands.get(2).path("data").path("text").asString())
                .isEqualTo("The Wi-Fi password is on the fridge");
    }

    @Test
    void forgetAsksToConfirmAndOnlyThenIssuesADelete() {
        chat.memory(THURSDAY, "Dentist at 10:00.");
        UUID cleaning = chat.memory(THURSDAY, "Collect the dry cleaning.");
        chat.say("/today");
        chat.say("/forget 2");

        assertThat(chat.reply(2)).contains("Shall I forget “Collect the dry cleaning.”", "/yes");
        assertThat(chat.commands()).isEmpty();

        chat.say("/yes");

        assertThat(chat.reply(3)).contains("is struck from the notebook");
        JsonNode command = awaitCommands(1).get(0);
        assertThat(command.path("data").path("action").asString()).isEqualTo("DELETE");
        assertThat(command.path("data").path("memoryId").asString()).isEqualTo(cleaning.toString());
    }

    @Test
    void forgetTakesTheShortRefAndNoKeepsTheNote() {
        UUID dentist = chat.memory(THURSDAY, "Dentist at 10:00.");

        chat.say("/forget " + dentist.toString().substring(0, 8));
        chat.say("/no");
        chat.say("/forget nonsense");

        assertThat(chat.reply(1)).contains("Shall I forget “Dentist at 10:00.”");
        assertThat(chat.reply(2)).contains("I shall keep it");
        assertThat(chat.reply(3)).contains("I cannot find a note");
        assertThat(chat.commands()).isEmpty();
    }

    @Test
    void undoRevertsTheLastChatMadeChangeWithTheInverseCommand() {
        UUID dentist = chat.memory(THURSDAY, "Dentist at 10:00.");
        chat.say("/remember Buy stamps");
        chat.say("/forget " + dentist.toString().substring(0, 8));
        chat.say("/yes");
        chat.say("/undo");
        chat.say("/undo");
        chat.say("/undo");

        List<JsonNode> commands = awaitCommands(4);
        assertThat(commands)
                .extracting(c -> c.path("data").path("action").asString())
                .containsExactly("CREATE", "DELETE", "RESTORE", "DELETE");
        String created = commands.get(0).path("data").path("memoryId").asString();
        assertThat(commands.get(2).path("data").path("memoryId").asString())
                .isEqualTo(dentist.toString());
        assertThat(commands.get(3).path("data").path("memoryId").asString()).isEqualTo(created);
        assertThat(chat.reply(6)).contains("nothing of mine to undo");
        assertThat(
                        jdbc.sql(
                                        "select count(*) from chat_commands where household_id = ? and undone_by is not null")
                                .param(chat.household)
                                .query(Long.class)
                                .single())
                .isEqualTo(2);
    }

    @Test
    void freeTextWithoutALanguageModelPointsToTheCommands() {
        chat.say("What is on today, Stevens?");

        assertThat(chat.reply(1)).contains("I am only able to follow the commands", "/help");
    }

    @Test
    void everyReplyIsPostedAsAButlerMessageSoTheTranscriptIsComplete() {
        chat.say("/help");
        chat.reply(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> chat.butlerMessages().size() == 1);
        JsonNode posted = chat.butlerMessages().get(0);
        assertThat(posted.path("data").path("author").asString()).isEqualTo("stevens");
        assertThat(posted.path("data").path("externalId").asString()).isEqualTo("9000");
        assertThat(posted.path("data").path("text").asString()).contains("/remember");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.count("chat_messages", "household_id") == 2);
    }

    @Test
    void theButlersOwnMessagesOnlyEnterTheTranscript() {
        chat.post("Good morning, Sir. (the brief)", true);
        chat.say("/help");

        chat.reply(1);
        assertThat(chat.telegramTexts()).hasSize(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.count("chat_messages", "household_id") == 3);
    }

    @Test
    void oldMessagesReplayedFromTheTopicEnterTheTranscriptButAreNotAnsweredAgain() {
        chat.post("/remember An old wish", false, clock.instant().minus(Duration.ofHours(2)));
        chat.say("/help");

        assertThat(chat.reply(1)).contains("/remember");
        assertThat(chat.telegramTexts()).hasSize(1);
        assertThat(chat.commands()).isEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.count("chat_messages", "household_id") == 3);
    }

    @Test
    void chatsThatAreNotAllowedAreNotAnswered() {
        var stranger = new ChatFixture(publisher, jdbc, wireMock, BOT_TOKEN, clock).create(false);
        stranger.say("/remember Let me in");
        // a message after it in the allowed household's chat proves the listener got past it
        chat.say("/help");
        chat.reply(1);

        assertThat(stranger.telegramTexts()).isEmpty();
        assertThat(stranger.commands()).isEmpty();
        assertThat(stranger.count("chat_messages", "household_id")).isZero();
    }

    private List<JsonNode> awaitCommands(int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> chat.commands().size() >= n);
        return chat.commands();
    }
}
