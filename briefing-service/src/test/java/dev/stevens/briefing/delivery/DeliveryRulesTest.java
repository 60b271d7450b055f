package dev.stevens.briefing.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TelegramStub;
import dev.stevens.briefing.support.TestHouseholds;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import dev.stevens.events.HouseholdSettingsChanged.QuietHours;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Nothing to report, quiet hours, clock changes, and the events every brief leaves behind. */
class DeliveryRulesTest extends BriefingIntegrationTest {

    private static final Instant BRIEF_TIME = Instant.parse("2026-11-26T07:00:00Z");

    @Autowired EventPublisher publisher;
    @Autowired HouseholdDirectory directory;
    @Autowired TestHouseholds testHouseholds;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @Autowired WireMockServer wireMock;
    @LocalServerPort int port;
    HouseholdFixture households;
    TelegramStub telegram;
    ApiClient api;

    @BeforeEach
    void setUp() {
        households = new HouseholdFixture(publisher, directory);
        telegram = new TelegramStub(wireMock, BOT_TOKEN);
        api = new ApiClient(port);
    }

    @Test
    void aRecipientWhoSkipsEmptyBriefsGetsNoneOnADayWithoutDatedItems() {
        long skipper = chat();
        long reader = chat();
        TestHousehold household =
                households.create(
                        "Europe/London",
                        LocalTime.of(7, 0),
                        null,
                        new Recipient("Ada", skipper, null, null, true, null),
                        new Recipient("Bob", reader, null, null, false, null));
        telegram.accepts(Long.toString(skipper), 1);
        telegram.accepts(Long.toString(reader), 2);
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();

        assertThat(telegram.requestsFor(Long.toString(skipper))).isEmpty();
        assertThat(telegram.requestsFor(Long.toString(reader))).hasSize(1);
        JsonNode skipped = delivery(household, Long.toString(skipper));
        assertThat(skipped.path("status").asString()).isEqualTo("SKIPPED");
        assertThat(skipped.path("lastError").asString()).startsWith("nothing to report");
    }

    @Test
    void aRecipientWhoSkipsEmptyBriefsStillGetsOneWithADatedItem() {
        long skipper = chat();
        TestHousehold household =
                households.create(
                        "Europe/London",
                        LocalTime.of(7, 0),
                        null,
                        new Recipient("Ada", skipper, null, null, true, null));
        testHouseholds.publishMemory(household, LocalDate.parse("2026-11-28"), "Plumber at 9.");
        await().until(
                        () ->
                                api.get(
                                                "/api/v1/briefings/preview?date=2026-11-26",
                                                household.token())
                                        .body()
                                        .path("content")
                                        .asString()
                                        .contains("Plumber"));
        telegram.accepts(Long.toString(skipper), 5);
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();

        assertThat(telegram.requestsFor(Long.toString(skipper))).hasSize(1);
        assertThat(delivery(household, Long.toString(skipper)).path("status").asString())
                .isEqualTo("DELIVERED");
    }

    @Test
    void aBriefDueInTheRecipientsQuietHoursWaitsForTheirEnd() {
        long sleeper = chat();
        TestHousehold household =
                households.create(
                        "Europe/London",
                        LocalTime.of(7, 0),
                        null,
                        new Recipient(
                                "Ada",
                                sleeper,
                                null,
                                null,
                                false,
                                new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 30))));
        telegram.accepts(Long.toString(sleeper), 8);

        clock.set(BRIEF_TIME.plusSeconds(1));
        scheduler.tick();
        clock.set(Instant.parse("2026-11-26T08:29:59Z"));
        scheduler.tick();
        assertThat(telegram.requestsFor(Long.toString(sleeper))).isEmpty();
        JsonNode waiting = delivery(household, Long.toString(sleeper));
        assertThat(waiting.path("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.path("nextAttemptAt").asString()).isEqualTo("2026-11-26T08:30:00Z");

        clock.set(Instant.parse("2026-11-26T08:30:00Z"));
        scheduler.tick();

        assertThat(telegram.requestsFor(Long.toString(sleeper))).hasSize(1);
        assertThat(delivery(household, Long.toString(sleeper)).path("status").asString())
                .isEqualTo("DELIVERED");
    }

    @Test
    void onTheSpringForwardDayA0230BriefIsSentAt0300() {
        long chat = chat();
        TestHousehold household =
                households.create(
                        "Europe/Berlin",
                        LocalTime.of(2, 30),
                        null,
                        new Recipient("Ada", chat, null, null));
        telegram.accepts(Long.toString(chat), 1);

        // Berlin jumps from 02:00 CET (01:00Z) straight to 03:00 CEST on 29 March 2026
        clock.set(Instant.parse("2026-03-29T00:59:59Z"));
        scheduler.tick();
        assertThat(telegram.requestsFor(Long.toString(chat))).isEmpty();
        assertThat(nextBrief(household).path("at").asString()).isEqualTo("2026-03-29T01:00:00Z");
        assertThat(nextBrief(household).path("localTime").asString())
                .isEqualTo("2026-03-29T03:00:00");

        clock.set(Instant.parse("2026-03-29T01:00:00Z"));
        scheduler.tick();

        assertThat(telegram.requestsFor(Long.toString(chat))).hasSize(1);
        assertThat(briefs(household).get(0).path("date").asString()).isEqualTo("2026-03-29");
    }

    @Test
    void onTheFallBackDayA0230BriefIsSentOnceAtItsFirstOccurrence() {
        long chat = chat();
        TestHousehold household =
                households.create(
                        "Europe/Berlin",
                        LocalTime.of(2, 30),
                        null,
                        new Recipient("Ada", chat, null, null));
        telegram.accepts(Long.toString(chat), 1);

        // 02:30 happens twice in Berlin on 25 October 2026: 00:30Z (CEST) and 01:30Z (CET)
        clock.set(Instant.parse("2026-10-25T00:29:59Z"));
        scheduler.tick();
        assertThat(telegram.requestsFor(Long.toString(chat))).isEmpty();
        for (String now :
                List.of("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-10-25T02:30:00Z")) {
            clock.set(Instant.parse(now));
            scheduler.tick();
        }

        assertThat(telegram.requestsFor(Long.toString(chat))).hasSize(1);
        assertThat(briefs(household)).hasSize(1);
        assertThat(nextBrief(household).path("localTime").asString())
                .isEqualTo("2026-10-26T02:30:00");
    }

    @Test
    void aSentBriefIsPublishedAsABotMessageAndAsBriefIssuedWithARisingVersion() {
        long chat = chat();
        TestHousehold household =
                households.create(
                        "Europe/London",
                        LocalTime.of(7, 0),
                        null,
                        new Recipient("Ada", chat, null, null));
        telegram.accepts(Long.toString(chat), 77);
        clock.set(BRIEF_TIME.plusSeconds(1));

        scheduler.tick();

        String briefId = briefs(household).get(0).path("id").asString();
        List<JsonNode> issued = TopicReader.eventsOf(Topics.BRIEFS, household.id());
        assertThat(issued)
                .extracting(e -> e.path("data").path("version").asLong())
                .containsExactly(1L, 2L);
        assertThat(issued)
                .allSatisfy(
                        e -> {
                            assertThat(e.path("type").asString())
                                    .isEqualTo("dev.stevens.brief.issued");
                            assertThat(e.path("data").path("briefId").asString())
                                    .isEqualTo(briefId);
                        });
        JsonNode first = issued.get(0).path("data").path("deliveries").get(0);
        assertThat(first.path("status").asString()).isEqualTo("PENDING");
        JsonNode latest = issued.get(1).path("data");
        assertThat(latest.path("content").asString()).contains("Your servant,");
        assertThat(latest.path("composer").asString()).isNotBlank();
        JsonNode delivered = latest.path("deliveries").get(0);
        assertThat(delivered.path("channel").asString()).isEqualTo("telegram");
        assertThat(delivered.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.path("receipt").asString()).isEqualTo("77");

        List<JsonNode> messages = TopicReader.eventsOf(Topics.CHAT, household.id());
        assertThat(messages).hasSize(1);
        JsonNode message = messages.get(0).path("data");
        assertThat(message.path("fromButler").asBoolean()).isTrue();
        assertThat(message.path("author").asString()).isEqualTo("stevens");
        assertThat(message.path("channel").asString()).isEqualTo("telegram");
        assertThat(message.path("conversation").asString()).isEqualTo(Long.toString(chat));
        assertThat(message.path("externalId").asString()).isEqualTo("77");
        assertThat(message.path("text").asString()).isEqualTo(latest.path("content").asString());
    }

    @Test
    void aMissedBriefIsPublishedWithItsDeliveriesMissed() {
        long chat = chat();
        TestHousehold household =
                households.create(
                        "Europe/London",
                        LocalTime.of(7, 0),
                        null,
                        new Recipient("Ada", chat, null, null));
        clock.set(BRIEF_TIME.plusSeconds(4 * 3600));

        scheduler.tick();

        List<JsonNode> issued = TopicReader.eventsOf(Topics.BRIEFS, household.id());
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).path("data").path("deliveries").get(0).path("status").asString())
                .isEqualTo("MISSED");
        assertThat(TopicReader.eventsOf(Topics.CHAT, household.id())).isEmpty();
    }

    private static long chat() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1L << 40);
    }

    private JsonNode nextBrief(TestHousehold household) {
        return api.get("/api/v1/briefings", household.token()).body().path("nextBrief");
    }

    private List<JsonNode> briefs(TestHousehold household) {
        return api.get("/api/v1/briefings", household.token())
                .body()
                .path("briefs")
                .valueStream()
                .toList();
    }

    private JsonNode delivery(TestHousehold household, String recipient) {
        return briefs(household)
                .get(0)
                .path("deliveries")
                .valueStream()
                .filter(d -> d.path("recipient").asString().equals(recipient))
                .findFirst()
                .orElseThrow();
    }
}
