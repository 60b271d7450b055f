package dev.stevens.e2e.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.BriefingServiceApplication;
import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import dev.stevens.events.Topics;
import dev.stevens.launcher.ServicePorts;
import dev.stevens.launcher.StevensServices;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.testing.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault 4: the whole system with two briefing-service instances on one database, a Telegram that
 * takes 1.5 s to answer, and one briefing instance closed (gracefully: its Spring context is
 * closed, as on SIGTERM) while briefs are in flight, then a new one started. Every household gets
 * exactly one Telegram message and one DELIVERED delivery with its receipt.
 *
 * <p>Not covered, by design: a process killed after Telegram accepted a message but before the
 * database recorded it resends after the lease — Telegram has no idempotency key to prevent that.
 */
class BriefingRestartMidDeliveryTest {

    private static final String BOT_TOKEN = "888:restart-mid-delivery";
    private static final int HOUSEHOLDS = 12;
    private static final JsonMapper json = JsonMapper.builder().build();

    private static WireMockServer telegram;
    private static StevensServices stevens;
    private static final List<ConfigurableApplicationContext> extra = new ArrayList<>();

    @AfterAll
    static void stop() {
        extra.forEach(ConfigurableApplicationContext::close);
        if (stevens != null) {
            stevens.close();
        }
        if (telegram != null) {
            telegram.stop();
        }
    }

    @Test
    void aBriefingInstanceClosedMidDeliveryLeavesExactlyOneDeliveredBriefPerHousehold()
            throws Exception {
        telegram = new WireMockServer(options().dynamicPort());
        telegram.start();
        telegram.stubFor(
                post(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                        .willReturn(
                                aResponse()
                                        .withFixedDelay(1500)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"ok\":true,\"result\":{\"message_id\":9}}")));
        RealInfrastructure infra = RealInfrastructure.shared();
        var memoryDb = infra.newDatabase("restart_memory");
        var briefingDb = infra.newDatabase("restart_briefing");
        Map<String, String> shared = new HashMap<>();
        shared.put("spring.kafka.bootstrap-servers", infra.bootstrapServers());
        shared.put("stevens.demo.enabled", "true");
        // a demo household of its own: the shared broker carries every test's households
        shared.put("stevens.demo.household-id", UUID.randomUUID().toString());
        shared.put("stevens.demo.token", Stack.TOKEN);
        shared.put("stevens.demo.password", "restart-tests-password");
        shared.put("stevens.demo.time-zone", "UTC");
        shared.put("stevens.telegram.base-url", telegram.baseUrl());
        shared.put("stevens.telegram.bot-token", BOT_TOKEN);
        shared.put("stevens.briefing.tick", "200ms");
        stevens =
                StevensServices.start(
                        shared,
                        memoryDb.jdbcUrl(),
                        briefingDb.jdbcUrl(),
                        memoryDb.username(),
                        memoryDb.password(),
                        ServicePorts.RANDOM);
        Map<String, String> briefing = new HashMap<>(shared);
        briefing.put("server.port", "0");
        briefing.put("spring.datasource.url", briefingDb.jdbcUrl());
        briefing.put("spring.datasource.username", briefingDb.username());
        briefing.put("spring.datasource.password", briefingDb.password());
        extra.add(Stack.run(BriefingServiceApplication.class, briefing));

        List<Long> chats = publishHouseholdsDueAMinuteAgo();
        // deliveries are in flight (Telegram holds each for 1.5 s): close the first instance
        JdbcClient jdbc = extra.get(0).getBean(JdbcClient.class);
        String[] ours = chats.stream().map(String::valueOf).toArray(String[]::new);
        await().atMost(Duration.ofSeconds(60)).until(() -> sentPerChat(chats).size() >= 2);
        assertThat(delivered(jdbc, ours)).as("delivered before the close").isLessThan(HOUSEHOLDS);
        // a graceful close: the running tick finishes its sends and records them before the
        // database pool closes
        stevens.briefingContext().close();
        extra.add(Stack.run(BriefingServiceApplication.class, briefing));
        await().atMost(Duration.ofSeconds(90)).until(() -> delivered(jdbc, ours) == HOUSEHOLDS);
        // and it stays that way while the two live instances keep ticking
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(sentPerChat(chats))
                                        .allSatisfy(
                                                (chat, n) ->
                                                        assertThat(n).as("chat " + chat).isOne()));
        assertThat(sentPerChat(chats)).containsOnlyKeys(chats);
        assertThat(
                        jdbc.sql(
                                        "select count(*) from deliveries where recipient = any(?)"
                                                + " and status = 'DELIVERED' and receipt is not null")
                                .param(ours)
                                .query(Long.class)
                                .single())
                .isEqualTo(HOUSEHOLDS);
        assertThat(
                        jdbc.sql(
                                        "select count(distinct (household_id, brief_date, channel))"
                                                + " from deliveries where recipient = any(?)")
                                .param(ours)
                                .query(Long.class)
                                .single())
                .isEqualTo(HOUSEHOLDS);
    }

    private static List<Long> publishHouseholdsDueAMinuteAgo() throws Exception {
        LocalTime due =
                LocalTime.ofInstant(Instant.now().minus(1, ChronoUnit.MINUTES), ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.MINUTES);
        EventPublisher publisher = extra.get(0).getBean(EventPublisher.class);
        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            long chat = 7_000_000L + i;
            chats.add(chat);
            UUID household = UUID.randomUUID();
            var settings =
                    new Settings(
                            "Restart " + i,
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
        return chats;
    }

    private static long delivered(JdbcClient jdbc, String[] chats) {
        return jdbc.sql(
                        "select count(*) from deliveries where status = 'DELIVERED' and recipient"
                                + " = any(?)")
                .param(chats)
                .query(Long.class)
                .single();
    }

    /**
     * Messages to this test's chats: the shared broker also carries other tests' households (the
     * demo household among them), which these briefing instances may rightly brief late as well.
     */
    private static Map<Long, Long> sentPerChat(List<Long> ours) {
        return telegram
                .findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")))
                .stream()
                .map(r -> json.readTree(r.getBodyAsString()).path("chat_id").asLong())
                .filter(ours::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
