package dev.stevens.ingest.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.events.HouseholdSettingsChanged.CalendarFeed;
import dev.stevens.events.HouseholdSettingsChanged.Importers;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.ingest.importers.ImporterSettings;
import dev.stevens.ingest.importers.ImporterTestKit;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.testing.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Google-Calendar-style feed served over real HTTP: a weekly series in Europe/London across the
 * end of British summer time with an EXDATE and a moved instance, calls set in New York and Tokyo
 * time, a UTC appointment, an all-day trip over three days, an overnight flight, a cancelled event
 * and one outside the window. "Today" is Wednesday 21 October 2026.
 */
@IntegrationTest
class CalendarImporterTest {

    static final WireMockServer feeds = started();
    static final LocalDate TODAY = LocalDate.of(2026, 10, 21);
    static final String PIANO = "calendar:family:piano-series@example.com:";

    @Autowired CalendarImporter importer;
    @Autowired EventPublisher publisher;
    @Autowired ImporterSettings settings;
    @Autowired JsonMapper json;

    ImporterTestKit kit;
    UUID household;
    String path;

    @BeforeEach
    void freshHousehold() {
        kit = new ImporterTestKit(publisher, settings, json);
        household = UUID.randomUUID();
        path = "/feeds/" + household + "/family.ics";
    }

    @AfterAll
    static void stop() {
        feeds.stop();
    }

    @Test
    void everyOccurrenceInTheWindowBecomesAMemoryPerDayInTheHouseholdsZone() {
        feeds.stubFor(
                get(urlEqualTo(path))
                        .withBasicAuth("family", "s3cret")
                        .willReturn(ics("family.ics").withHeader("ETag", "\"v1\"")));
        subscribe(new CalendarFeed("family", feeds.baseUrl() + path, "family", "s3cret"));

        ImporterRunFinished run = importer.run(household, TODAY).get(0);

        assertThat(run.data().error()).isNull();
        assertThat(run.data().importer()).isEqualTo("calendar");
        assertThat(run.data().scope()).isEqualTo("calendar:family");
        Map<String, String> expected = new LinkedHashMap<>();
        // the series keeps 16:00 local across the DST change; 5 Nov is an EXDATE; 12 Nov moved
        expected.put(
                PIANO + "20261022T150000Z", "2026-10-22 Piano lesson 16:00–17:00 at Music School");
        expected.put(
                PIANO + "20261029T160000Z", "2026-10-29 Piano lesson 16:00–17:00 at Music School");
        expected.put(
                PIANO + "20261112T160000Z", "2026-11-12 Piano lesson 17:30–18:30 at Town Hall");
        expected.put(
                PIANO + "20261119T160000Z", "2026-11-19 Piano lesson 16:00–17:00 at Music School");
        // New York is still on summer time that week, London is not: 4 hours apart
        expected.put(
                "calendar:family:grandma@example.com:20261029T160000Z",
                "2026-10-29 Call with Grandma 16:00–17:00");
        expected.put(
                "calendar:family:tokyo@example.com:20261023T000000Z",
                "2026-10-23 Call with Tokyo office 01:00–02:00");
        expected.put(
                "calendar:family:dentist@example.com:20261027T090000Z",
                "2026-10-27 Dentist 09:00–09:30");
        expected.put(
                "calendar:family:trip@example.com:20261030",
                "2026-10-30 Half-term trip to Cornwall (all day, day 1 of 3)");
        expected.put(
                "calendar:family:trip@example.com:20261030:2026-10-31",
                "2026-10-31 Half-term trip to Cornwall (all day, day 2 of 3)");
        expected.put(
                "calendar:family:trip@example.com:20261030:2026-11-01",
                "2026-11-01 Half-term trip to Cornwall (all day, day 3 of 3)");
        expected.put(
                "calendar:family:flight@example.com:20261103T220000Z",
                "2026-11-03 Night flight from 22:00 at Heathrow");
        expected.put(
                "calendar:family:flight@example.com:20261103T220000Z:2026-11-04",
                "2026-11-04 Night flight until 06:00 at Heathrow");
        assertThat(textsByKey(kit.received(household)))
                .containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(run.data().itemsSeen()).isEqualTo(12);
        assertThat(run.data().itemsChanged()).isEqualTo(12);
        JsonNode snapshot = kit.snapshots(household).get(0);
        assertThat(snapshot.path("data").path("scope").asString()).isEqualTo("calendar:family");
        assertThat(snapshot.path("data").path("externalKeys").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        JsonNode piano =
                kit.received(household).stream()
                        .filter(
                                e ->
                                        e.path("data")
                                                .path("externalKey")
                                                .asString()
                                                .equals(PIANO + "20261022T150000Z"))
                        .findFirst()
                        .orElseThrow();
        assertThat(piano.path("data").path("occurredAt").asString())
                .isEqualTo("2026-10-22T15:00:00Z");
        assertThat(piano.path("source").asString()).isEqualTo("/ingest/calendar");
        assertThat(kit.runs(household))
                .extracting(r -> r.path("id").asString())
                .containsExactly(run.id().toString());
    }

    @Test
    void anUnchangedFeedAnswers304AndOnlyARunRecordIsWritten() {
        feeds.stubFor(
                get(urlEqualTo(path))
                        .withHeader("If-None-Match", absent())
                        .willReturn(
                                ics("family.ics")
                                        .withHeader("ETag", "\"v1\"")
                                        .withHeader(
                                                "Last-Modified", "Wed, 21 Oct 2026 06:00:00 GMT")));
        feeds.stubFor(
                get(urlEqualTo(path))
                        .withHeader("If-None-Match", equalTo("\"v1\""))
                        .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        subscribe(new CalendarFeed("family", feeds.baseUrl() + path, null, null));
        importer.run(household, TODAY);
        int importsAfterFirstRun = kit.imports(household).size();

        ImporterRunFinished unchanged = importer.run(household, TODAY).get(0);

        assertThat(unchanged.data().error()).isNull();
        assertThat(unchanged.data().itemsSeen()).isZero();
        assertThat(unchanged.data().itemsChanged()).isZero();
        assertThat(kit.imports(household)).hasSize(importsAfterFirstRun);
        assertThat(kit.runs(household)).hasSize(2);
        feeds.verify(
                getRequestedFor(urlEqualTo(path))
                        .withHeader("If-None-Match", equalTo("\"v1\""))
                        .withHeader("If-Modified-Since", equalTo("Wed, 21 Oct 2026 06:00:00 GMT")));

        // a new day moves the window even though the feed did not change
        ImporterRunFinished nextDay = importer.run(household, TODAY.plusDays(1)).get(0);
        assertThat(nextDay.data().itemsSeen()).isEqualTo(12);
        assertThat(nextDay.data().itemsChanged()).isZero();
    }

    @Test
    void editsReplaceTheirMemoryAndCancelledOrDeletedEventsLeaveTheSnapshot() {
        feeds.stubFor(get(urlEqualTo(path)).willReturn(ics("family.ics")));
        subscribe(new CalendarFeed("family", feeds.baseUrl() + path, null, null));
        importer.run(household, TODAY);

        feeds.stubFor(get(urlEqualTo(path)).willReturn(ics("family-v2.ics")));
        ImporterRunFinished run = importer.run(household, TODAY).get(0);

        assertThat(run.data().error()).isNull();
        assertThat(run.data().itemsSeen()).isEqualTo(10);
        assertThat(run.data().itemsChanged()).isEqualTo(3);
        List<JsonNode> received = kit.received(household);
        assertThat(received).hasSize(15);
        assertThat(received.subList(12, 15))
                .extracting(e -> e.path("data").path("text").asString())
                .allSatisfy(
                        text -> assertThat(text).startsWith("Half-term trip to Devon (all day"));
        List<JsonNode> snapshots = kit.snapshots(household);
        assertThat(snapshots).hasSize(2);
        List<String> keys =
                snapshots
                        .get(1)
                        .path("data")
                        .path("externalKeys")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList();
        assertThat(keys)
                .hasSize(10)
                .doesNotContain(
                        PIANO + "20261029T160000Z",
                        "calendar:family:tokyo@example.com:20261023T000000Z")
                .contains(PIANO + "20261022T150000Z", "calendar:family:trip@example.com:20261030");
    }

    @Test
    void aFailingFeedIsReportedInItsRunRecordAndWritesNothing() {
        String missing = "/feeds/" + household + "/gone.ics";
        String broken = "/feeds/" + household + "/broken.ics";
        String notIcs = "/feeds/" + household + "/login.html";
        feeds.stubFor(get(urlEqualTo(missing)).willReturn(aResponse().withStatus(404)));
        feeds.stubFor(get(urlEqualTo(broken)).willReturn(aResponse().withStatus(500)));
        feeds.stubFor(
                get(urlEqualTo(notIcs))
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/html")
                                        .withBody("<html><body>Please sign in</body></html>")));
        subscribe(
                new CalendarFeed("school", feeds.baseUrl() + missing, null, null),
                new CalendarFeed("work", feeds.baseUrl() + broken, null, null),
                new CalendarFeed("club", feeds.baseUrl() + notIcs, null, null));

        List<ImporterRunFinished> runs = importer.run(household, TODAY);

        assertThat(runs)
                .extracting(r -> r.data().scope() + " " + r.data().error())
                .containsExactly(
                        "calendar:school HTTP 404",
                        "calendar:work HTTP 500",
                        "calendar:club not a readable iCalendar feed");
        assertThat(kit.imports(household)).isEmpty();
        assertThat(kit.runs(household))
                .extracting(r -> r.path("data").path("error").asString())
                .containsExactly("HTTP 404", "HTTP 500", "not a readable iCalendar feed");
    }

    private void subscribe(CalendarFeed... calendarFeeds) {
        kit.settings(
                household,
                1,
                "Europe/London",
                new Importers(null, List.of(calendarFeeds), List.of()));
    }

    private static Map<String, String> textsByKey(List<JsonNode> received) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (JsonNode event : received) {
            JsonNode data = event.path("data");
            texts.put(
                    data.path("externalKey").asString(),
                    data.path("date").asString() + " " + data.path("text").asString());
        }
        return texts;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ics(
            String file) {
        try (InputStream in = CalendarImporterTest.class.getResourceAsStream("/calendar/" + file)) {
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/calendar; charset=UTF-8")
                    .withBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WireMockServer started() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}
