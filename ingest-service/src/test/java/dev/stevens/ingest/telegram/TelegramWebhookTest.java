package dev.stevens.ingest.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.events.Topics;
import dev.stevens.ingest.TestHttp;
import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.ingest.kafka.InboundHouseholds;
import dev.stevens.ingest.kafka.TopicRecords;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real Bot API Update shapes (test resources) posted as Telegram posts them. */
@IntegrationTest(properties = "stevens.telegram.webhook-secret=" + TelegramWebhookTest.SECRET)
class TelegramWebhookTest {

    static final String SECRET = "s3cret_Webhook-token";
    private static final String WEBHOOK = "/telegram/webhook";
    private static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory tokens;
    @Autowired HouseholdDirectory directory;
    @Autowired MeterRegistry meters;
    @Autowired JsonMapper json;

    TestHttp http;
    long chat;
    long updateId;
    UUID household;

    @BeforeEach
    void freshHouseholdAllowingItsOwnChats() {
        http = new TestHttp(port, json);
        chat = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        updateId = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        household =
                new InboundHouseholds(publisher, tokens, directory)
                        .register(List.of(chat, -chat, Long.parseLong("-100" + chat)), List.of())
                        .household();
    }

    @Test
    void aTextMessageFromAnAllowedChatIsOnTheChatTopicKeyedByHouseholdBeforeThe200() {
        var response = post(update("message-text.json"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        var records = TopicRecords.of(Topics.CHAT, household);
        assertThat(records).hasSize(1);
        JsonNode event = json.readTree(records.get(0).value());
        assertThat(event.path("id").asString())
                .isEqualTo(TelegramMessages.eventId(updateId).toString());
        assertThat(event.path("type").asString()).isEqualTo("dev.stevens.chat.message.posted");
        assertThat(event.path("source").asString()).isEqualTo("/ingest/telegram");
        assertThat(event.path("household").asString()).isEqualTo(household.toString());
        assertThat(event.path("time").asString()).isEqualTo("2025-11-25T07:00:00Z");
        JsonNode data = event.path("data");
        assertThat(data.path("channel").asString()).isEqualTo("telegram");
        assertThat(data.path("conversation").asString()).isEqualTo(Long.toString(chat));
        assertThat(data.path("externalId").asString()).isEqualTo("4211");
        assertThat(data.path("author").asString()).isEqualTo("Ada Lovelace");
        assertThat(data.path("fromButler").asBoolean()).isFalse();
        assertThat(data.path("text").asString())
                .isEqualTo("/note Piano lesson moved to Thursday 16:00");
    }

    @Test
    void aPhotoBecomesItsCaptionAndTheLargestSizesMetadata() {
        assertThat(post(update("message-photo-caption.json")).statusCode()).isEqualTo(200);

        JsonNode data = onlyEvent().path("data");
        assertThat(data.path("conversation").asString()).isEqualTo(Long.toString(-chat));
        assertThat(data.path("author").asString()).isEqualTo("Charles");
        assertThat(data.path("text").asString())
                .isEqualTo(
                        "School trip permission slip, due Friday\n"
                                + "[photo 1280x960, 98124 bytes, file_id AgACAgQAAxkBAAIBWGdLarge]");
    }

    @Test
    void aDocumentKeepsItsNameTypeSizeAndFileId() {
        assertThat(post(update("message-document.json")).statusCode()).isEqualTo(200);

        assertThat(onlyEvent().path("data").path("text").asString())
                .isEqualTo(
                        "[document Council tax 2026.pdf (application/pdf), 183422 bytes,"
                                + " file_id BQACAgQAAxkBAAIBWmdDocument]");
    }

    @Test
    void anEditedMessageIsPostedAgainWithTheSameMessageId() {
        assertThat(post(update("edited-message.json")).statusCode()).isEqualTo(200);

        JsonNode data = onlyEvent().path("data");
        assertThat(data.path("externalId").asString()).isEqualTo("4211");
        assertThat(data.path("text").asString()).endsWith("Thursday 17:00");
    }

    @Test
    void aChannelPostIsSignedByItsAuthor() {
        assertThat(post(update("channel-post.json")).statusCode()).isEqualTo(200);

        JsonNode data = onlyEvent().path("data");
        assertThat(data.path("conversation").asString()).isEqualTo("-100" + chat);
        assertThat(data.path("author").asString()).isEqualTo("Ada");
        assertThat(data.path("text").asString())
                .isEqualTo("Bin collection is on Wednesday this week");
    }

    @Test
    void aRepeatedUpdateIdIsAnsweredButPublishedOnce() {
        String update = update("message-text.json");

        assertThat(post(update).statusCode()).isEqualTo(200);
        assertThat(post(update).statusCode()).isEqualTo(200);

        assertThat(TopicRecords.of(Topics.CHAT, household)).hasSize(1);
    }

    @Test
    void aChatNoHouseholdAllowsIsDroppedSilentlyAndCounted() {
        double before = count("chat_not_allowed");
        String stranger = update("message-text.json").replace(Long.toString(chat), "55500011");

        var response = post(stranger);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(count("chat_not_allowed")).isEqualTo(before + 1);
        assertThat(TopicRecords.of(Topics.CHAT, household)).isEmpty();
    }

    @Test
    void updatesWithoutReadableContentAreAnsweredAndIgnored() {
        assertThat(post(update("message-sticker.json")).statusCode()).isEqualTo(200);
        updateId++;
        assertThat(post(update("callback-query.json")).statusCode()).isEqualTo(200);

        assertThat(TopicRecords.of(Topics.CHAT, household)).isEmpty();
    }

    @Test
    void aWrongSecretIsRefusedWith401ProblemAndNothingIsPublished() {
        String update = update("message-text.json");

        var wrong = http.post(WEBHOOK, null, update, HEADER, SECRET + "x");
        var missing = http.post(WEBHOOK, null, update);

        assertThat(http.assertProblem(wrong, 401).path("detail").asString()).contains(HEADER);
        http.assertProblem(missing, 401);
        assertThat(TopicRecords.of(Topics.CHAT, household)).isEmpty();
    }

    @Test
    void aBearerTokenIsNoSubstituteForTheSecret() {
        var household =
                new InboundHouseholds(publisher, tokens, directory)
                        .register(List.of(), List.of(), "imports:write");

        http.assertProblem(http.post(WEBHOOK, household.token(), update("message-text.json")), 401);
    }

    @Test
    void somethingThatIsNotAnUpdateIsRefusedWith400NamingUpdateId() {
        http.assertProblem(
                http.post(WEBHOOK, null, "{\"message\": {}}", HEADER, SECRET), 400, "update_id");
        http.assertProblem(http.post(WEBHOOK, null, "not json", HEADER, SECRET), 400, "update_id");
    }

    private HttpResponse<String> post(String update) {
        return http.post(WEBHOOK, null, update, HEADER, SECRET);
    }

    private JsonNode onlyEvent() {
        var records = TopicRecords.of(Topics.CHAT, household);
        assertThat(records).hasSize(1);
        return json.readTree(records.get(0).value());
    }

    private double count(String outcome) {
        var counter = meters.find("stevens.telegram.updates").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A resource with this test's chat id and update id in place of the recorded ones. */
    private String update(String name) {
        try (InputStream in = getClass().getResourceAsStream("/telegram/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("424242424", Long.toString(chat))
                    .replace("845123001", Long.toString(updateId));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
