package dev.stevens.briefing.chat;

import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.support.TelegramStub;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.ApiToken;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import dev.stevens.events.MemoryChanged;
import dev.stevens.events.StevensEvent;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokens;
import dev.stevens.testing.RealInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household talking to the butler: settings with an allowed Telegram chat, messages posted on the
 * real chat topic, and what came back (Telegram stub, memory commands, butler messages on topics).
 */
final class ChatFixture {

    final UUID household = UUID.randomUUID();
    final long chat = ThreadLocalRandom.current().nextLong(1, 1L << 40);
    private final EventPublisher publisher;
    private final JdbcClient jdbc;
    private final TelegramStub telegram;
    private final JsonMapper json = JsonMapper.builder().build();
    private long nextMessageId = 1000;

    private final Clock clock;

    ChatFixture(
            EventPublisher publisher,
            JdbcClient jdbc,
            WireMockServer wireMock,
            String botToken,
            Clock clock) {
        this.clock = clock;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.telegram = new TelegramStub(wireMock, botToken);
    }

    /**
     * Publishes the household (chat allowed unless said otherwise) and waits until both read models
     * have it.
     */
    ChatFixture create(boolean chatAllowed) {
        telegram.accepts(String.valueOf(chat), 9000);
        var settings =
                new Settings(
                        "The Chatters",
                        "Europe/London",
                        LocalTime.of(7, 0),
                        "Sir",
                        List.of(new Recipient("Ada", chat, null, null)),
                        chatAllowed ? List.of(chat) : List.of(),
                        List.of(new ApiToken(ApiTokens.sha256Hex(ApiTokens.generate()), List.of())),
                        1);
        send(
                Topics.HOUSEHOLDS,
                household.toString(),
                HouseholdSettingsChanged.of(UUID.randomUUID(), Instant.now(), household, settings));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("households", "id") == 1);
        return this;
    }

    UUID memory(LocalDate date, String text) {
        UUID id = UUID.randomUUID();
        var snapshot =
                new MemoryChanged.Snapshot(
                        id,
                        "reminder",
                        null,
                        date,
                        text,
                        List.of(),
                        1,
                        false,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        UUID.randomUUID());
        send(
                Topics.MEMORIES,
                id.toString(),
                MemoryChanged.of(UUID.randomUUID(), Instant.now(), household, snapshot));
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                jdbc.sql("select count(*) from memories where id = ?")
                                                .param(id)
                                                .query(Long.class)
                                                .single()
                                        == 1);
        return id;
    }

    /** A person's message, as ingest-service publishes it from a Telegram update. */
    UUID say(String text) {
        return post(text, false);
    }

    UUID post(String text, boolean fromButler) {
        return post(text, fromButler, clock.instant());
    }

    UUID post(String text, boolean fromButler, Instant time) {
        UUID id = UUID.randomUUID();
        var message =
                new ChatMessagePosted.Message(
                        "telegram",
                        String.valueOf(chat),
                        String.valueOf(nextMessageId++),
                        fromButler ? "stevens" : "Ada",
                        fromButler,
                        text);
        send(
                Topics.CHAT,
                household.toString(),
                ChatMessagePosted.of(id, "/ingest-service", time, household, message));
        return id;
    }

    /** The texts Telegram received for this chat, MarkdownV2 escapes removed. */
    List<String> telegramTexts() {
        return telegram.requestsFor(String.valueOf(chat)).stream()
                .map(r -> json.readTree(r.getBodyAsString()).path("text").asString())
                .map(t -> t.replaceAll("\\\\(.)", "$1"))
                .toList();
    }

    /** Waits for the {@code n}th reply (1-based) and returns it. */
    String reply(int n) {
        await().atMost(Duration.ofSeconds(30)).until(() -> telegramTexts().size() >= n);
        return telegramTexts().get(n - 1);
    }

    List<JsonNode> commands() {
        return recordsOf(Topics.MEMORY_COMMANDS);
    }

    List<JsonNode> butlerMessages() {
        return recordsOf(Topics.CHAT).stream()
                .filter(e -> e.path("data").path("fromButler").asBoolean())
                .toList();
    }

    long count(String table, String column) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
                .param(household)
                .query(Long.class)
                .single();
    }

    private List<JsonNode> recordsOf(String topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        RealInfrastructure.shared().bootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false);
        try (var consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<JsonNode> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (household.toString().equals(record.key())) {
                        found.add(json.readTree(record.value()));
                    }
                }
            }
            return found;
        }
    }

    private void send(String topic, String key, StevensEvent event) {
        try {
            publisher.publish(topic, key, event).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
