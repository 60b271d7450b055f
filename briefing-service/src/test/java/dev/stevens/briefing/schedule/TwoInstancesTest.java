package dev.stevens.briefing.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.stevens.briefing.BriefingServiceApplication;
import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two whole briefing-service instances on one database and one broker, both ticking every 100 ms:
 * every household still gets exactly one Telegram message for the day.
 */
class TwoInstancesTest {

    private static final String BOT_TOKEN = "777:two-instances";
    private static final int HOUSEHOLDS = 12;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private WireMockServer telegram;

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (telegram != null) {
            telegram.stop();
        }
    }

    @Test
    void twoInstancesTickingTogetherSendEachHouseholdsBriefExactlyOnce() throws Exception {
        telegram = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        telegram.start();
        telegram.stubFor(
                post(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                        .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        var database =
                RealInfrastructure.shared()
                        // a name of its own: the embedded server may outlive a test run
                        .newDatabase(
                                "two_instances_" + UUID.randomUUID().toString().substring(0, 8));
        String group = "briefing-two-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            instances.add(
                    new SpringApplicationBuilder(BriefingServiceApplication.class)
                            // arguments, as on a real command line: they win over the defaults file
                            .run(
                                    "--server.port=0",
                                    "--spring.datasource.url=" + database.jdbcUrl(),
                                    "--spring.datasource.username=" + database.username(),
                                    "--spring.datasource.password=" + database.password(),
                                    "--spring.kafka.bootstrap-servers="
                                            + RealInfrastructure.shared().bootstrapServers(),
                                    "--spring.kafka.consumer.group-id=" + group,
                                    "--stevens.briefing.tick=100ms",
                                    "--stevens.telegram.bot-token=" + BOT_TOKEN,
                                    "--stevens.telegram.base-url=" + telegram.baseUrl()));
        }

        // due a minute ago, in UTC; both instances see the households as they arrive
        LocalTime due =
                LocalTime.ofInstant(Instant.now().minus(1, ChronoUnit.MINUTES), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MINUTES);
        EventPublisher publisher = instances.get(0).getBean(EventPublisher.class);
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            long chat = 5_000_000L + i + (System.nanoTime() % 1_000_000) * 100;
            chats.add(chat);
            UUID household = UUID.randomUUID();
            var settings =
                    new Settings(
                            "Two " + i,
                            "UTC",
                            due,
                            "Sir",
                            List.of(new Recipient("Ada", chat, null, null)),
                            List.of(),
                            List.of(),
                            1);
            publisher
                    .publish(
                            Topics.HOUSEHOLDS,
                            household.toString(),
                            HouseholdSettingsChanged.of(
                                    UUID.randomUUID(), Instant.now(), household, settings))
                    .get(30, TimeUnit.SECONDS);
        }

        // the shared broker also carries other tests' households (some due now too): count ours
        await().atMost(Duration.ofSeconds(60))
                .until(() -> sentPerChat(chats).keySet().containsAll(chats));
        // and it stays that way while both keep ticking
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(sentPerChat(chats))
                                        .as("sendMessage calls per chat: %s", bodies())
                                        .allSatisfy((chat, n) -> assertThat(n).isOne()));

        Map<Long, Long> sent = sentPerChat(chats);
        assertThat(sent).hasSize(HOUSEHOLDS);
        assertThat(sent.values()).containsOnly(1L);
        JdbcClient jdbc = instances.get(1).getBean(JdbcClient.class);
        String[] ours = chats.stream().map(String::valueOf).toArray(String[]::new);
        assertThat(
                        jdbc.sql(
                                        "select count(*) from deliveries where status = 'DELIVERED'"
                                                + " and recipient = any(?)")
                                .param(ours)
                                .query(Long.class)
                                .single())
                .isEqualTo(HOUSEHOLDS);
        assertThat(
                        jdbc.sql(
                                        "select count(distinct brief_id) from deliveries"
                                                + " where recipient = any(?)")
                                .param(ours)
                                .query(Long.class)
                                .single())
                .isEqualTo(HOUSEHOLDS);
    }

    private List<String> bodies() {
        return telegram.getAllServeEvents().stream()
                .map(e -> e.getRequest().getBodyAsString())
                .map(b -> b.length() > 200 ? b.substring(0, 200) : b)
                .toList();
    }

    private Map<Long, Long> sentPerChat(List<Long> ours) {
        JsonMapper json = JsonMapper.builder().build();
        return telegram.getAllServeEvents().stream()
                .map(e -> json.readTree(e.getRequest().getBodyAsString()).path("chat_id").asLong())
                .filter(ours::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
