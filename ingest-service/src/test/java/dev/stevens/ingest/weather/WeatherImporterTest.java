package dev.stevens.ingest.weather;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.events.HouseholdSettingsChanged.Importers;
import dev.stevens.events.HouseholdSettingsChanged.Location;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.ingest.importers.ImporterSettings;
import dev.stevens.ingest.importers.ImporterTestKit;
import dev.stevens.ingest.weather.OpenMeteoStub.Day;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.testing.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class WeatherImporterTest {

    static final WireMockServer openMeteo = started();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @DynamicPropertySource
    static void openMeteoUrl(DynamicPropertyRegistry registry) {
        registry.add("stevens.ingest.weather.base-url", openMeteo::baseUrl);
        registry.add("stevens.ingest.weather.forecast-days", () -> "3");
        registry.add("stevens.ingest.weather.backoff", () -> "10ms");
        registry.add("stevens.ingest.weather.attempts", () -> "3");
    }

    @Autowired WeatherImporter importer;
    @Autowired EventPublisher publisher;
    @Autowired ImporterSettings settings;
    @Autowired JsonMapper json;

    ImporterTestKit kit;
    UUID household;
    double latitude;

    @BeforeEach
    void freshHousehold() {
        kit = new ImporterTestKit(publisher, settings, json);
        household = UUID.randomUUID();
        // a latitude of its own per test, so stubs of different tests never match each other
        latitude = 40 + (Math.abs(household.getLeastSignificantBits()) % 100000) / 10000.0;
    }

    @AfterAll
    static void stop() {
        openMeteo.stop();
    }

    @Test
    void aForecastBecomesOneReadableMemoryPerDayThenASnapshotAndARunRecord() {
        homeIn("Europe/London", "metric");
        serve(
                "°C",
                List.of(
                        new Day(TODAY, 61, 12.4, 5.2, 80, OpenMeteoStub.rainInTheAfternoon()),
                        new Day(TODAY.plusDays(1), 3, 10.1, 4.0, 20, null),
                        new Day(TODAY.plusDays(2), 71, 1.6, -3.4, 65, null)));

        ImporterRunFinished run = importer.run(household, TODAY).orElseThrow();

        assertThat(run.data().error()).isNull();
        assertThat(run.data().importer()).isEqualTo("weather");
        assertThat(run.data().scope()).isEqualTo("weather:home");
        assertThat(run.data().itemsSeen()).isEqualTo(3);
        assertThat(run.data().itemsChanged()).isEqualTo(3);
        List<JsonNode> received = kit.received(household);
        assertThat(received)
                .extracting(e -> e.path("data").path("externalKey").asString())
                .containsExactly(
                        "weather:home:2026-11-25",
                        "weather:home:2026-11-26",
                        "weather:home:2026-11-27");
        assertThat(received)
                .extracting(e -> e.path("data").path("text").asString())
                .containsExactly(
                        "Weather at Home: slight rain, high 12°C, low 5°C, 80% chance of"
                                + " precipitation; rain likely from 15:00 to 19:00.",
                        "Weather at Home: overcast, high 10°C, low 4°C, 20% chance of precipitation.",
                        "Weather at Home: slight snowfall, high 2°C, low -3°C, 65% chance of"
                                + " precipitation.");
        JsonNode first = received.get(0);
        assertThat(first.path("source").asString()).isEqualTo("/ingest/weather");
        assertThat(first.path("data").path("source").asString()).isEqualTo("weather");
        assertThat(first.path("data").path("date").asString()).isEqualTo("2026-11-25");
        List<JsonNode> snapshots = kit.snapshots(household);
        assertThat(snapshots).hasSize(1);
        assertThat(snapshots.get(0).path("data").path("scope").asString())
                .isEqualTo("weather:home");
        assertThat(
                        snapshots
                                .get(0)
                                .path("data")
                                .path("externalKeys")
                                .valueStream()
                                .map(JsonNode::asString))
                .containsExactlyInAnyOrder(
                        "weather:home:2026-11-25",
                        "weather:home:2026-11-26",
                        "weather:home:2026-11-27");
        assertThat(kit.runs(household))
                .extracting(r -> r.path("id").asString())
                .containsExactly(run.id().toString());
        openMeteo.verify(
                getRequestedFor(urlPathEqualTo("/v1/forecast"))
                        .withQueryParam("timezone", equalTo("Europe/London"))
                        .withQueryParam("temperature_unit", equalTo("celsius"))
                        .withQueryParam("forecast_days", equalTo("3"))
                        .withQueryParam("daily", equalTo(OpenMeteoClient.DAILY))
                        .withQueryParam("hourly", equalTo(OpenMeteoClient.HOURLY)));
    }

    @Test
    void imperialHouseholdsGetFahrenheit() {
        homeIn("America/Chicago", "imperial");
        serve("°F", List.of(new Day(TODAY, 0, 71.3, 50.2, 0, null)));

        ImporterRunFinished run = importer.run(household, TODAY).orElseThrow();

        assertThat(run.data().error()).isNull();
        assertThat(kit.received(household).get(0).path("data").path("text").asString())
                .isEqualTo(
                        "Weather at Home: clear sky, high 71°F, low 50°F, 0% chance of precipitation.");
        openMeteo.verify(
                getRequestedFor(urlPathEqualTo("/v1/forecast"))
                        .withQueryParam(
                                "latitude",
                                equalTo(String.format(java.util.Locale.ROOT, "%.4f", latitude)))
                        .withQueryParam("timezone", equalTo("America/Chicago"))
                        .withQueryParam("temperature_unit", equalTo("fahrenheit")));
    }

    @Test
    void anUnchangedForecastPublishesNothingNewAndARevisedDayReplacesItsMemory() {
        homeIn("Europe/London", "metric");
        var days =
                List.of(
                        new Day(TODAY, 3, 10.0, 4.0, 10, null),
                        new Day(TODAY.plusDays(1), 3, 11.0, 5.0, 10, null));
        serve("°C", days);
        importer.run(household, TODAY).orElseThrow();

        ImporterRunFinished same = importer.run(household, TODAY).orElseThrow();
        assertThat(same.data().itemsSeen()).isEqualTo(2);
        assertThat(same.data().itemsChanged()).isZero();
        assertThat(kit.received(household)).hasSize(2);

        serve("°C", List.of(days.get(0), new Day(TODAY.plusDays(1), 63, 9.0, 5.0, 90, null)));
        ImporterRunFinished revised = importer.run(household, TODAY).orElseThrow();

        assertThat(revised.data().itemsChanged()).isEqualTo(1);
        List<JsonNode> received = kit.received(household);
        assertThat(received).hasSize(3);
        assertThat(received.get(2).path("data").path("externalKey").asString())
                .isEqualTo("weather:home:2026-11-26");
        assertThat(received.get(2).path("data").path("text").asString()).contains("moderate rain");
        // every run ends with a snapshot of its own (a repeated set may follow a different one),
        // covering the forecast window only, so yesterday's weather stays as history
        assertThat(kit.snapshots(household))
                .extracting(e -> e.path("id").asString())
                .hasSize(3)
                .doesNotHaveDuplicates();
        assertThat(kit.snapshots(household).get(2).path("data").path("from").asString())
                .isEqualTo(TODAY.toString());
        assertThat(received.get(2).path("data").path("scope").asString()).isEqualTo("weather:home");
    }

    @Test
    void anUnreachableApiIsRetriedWithBackoffAndReportedWithoutWritingAForecast() {
        homeIn("Europe/London", "metric");
        openMeteo.stubFor(forecastFor().willReturn(aResponse().withStatus(503)));

        ImporterRunFinished run = importer.run(household, TODAY).orElseThrow();

        assertThat(run.data().error()).isEqualTo("Open-Meteo answered HTTP 503");
        assertThat(run.data().itemsChanged()).isZero();
        openMeteo.verify(
                3,
                getRequestedFor(urlPathEqualTo("/v1/forecast"))
                        .withQueryParam(
                                "latitude",
                                equalTo(String.format(java.util.Locale.ROOT, "%.4f", latitude))));
        assertThat(kit.imports(household)).isEmpty();
        assertThat(kit.runs(household))
                .singleElement()
                .satisfies(
                        r ->
                                assertThat(r.path("data").path("error").asString())
                                        .isEqualTo("Open-Meteo answered HTTP 503"));
    }

    @Test
    void aGarbageForecastIsRefusedAndNothingIsWritten() {
        homeIn("Europe/London", "metric");
        String missingLows =
                OpenMeteoStub.forecast(
                                "Europe/London",
                                "°C",
                                List.of(new Day(TODAY, 3, 10.0, 4.0, 10, null)))
                        .replace("\"temperature_2m_min\":[4.0]", "\"temperature_2m_min\":[]");
        openMeteo.stubFor(forecastFor().willReturn(okJson(missingLows)));
        assertThat(importer.run(household, TODAY).orElseThrow().data().error())
                .isEqualTo(
                        "invalid forecast: daily temperature_2m_min missing or of the wrong length");

        openMeteo.stubFor(
                forecastFor()
                        .willReturn(
                                okJson(
                                        OpenMeteoStub.forecast(
                                                "Europe/London",
                                                "°C",
                                                List.of(
                                                        new Day(
                                                                TODAY, 42, 10.0, 4.0, 10,
                                                                null))))));
        assertThat(importer.run(household, TODAY).orElseThrow().data().error())
                .isEqualTo("invalid forecast: unknown weather code 42 on 2026-11-25");

        openMeteo.stubFor(
                forecastFor()
                        .willReturn(
                                aResponse()
                                        .withStatus(200)
                                        .withHeader("Content-Type", "text/html")
                                        .withBody("<html>maintenance</html>")));
        assertThat(importer.run(household, TODAY).orElseThrow().data().error())
                .isEqualTo("invalid forecast: not JSON");

        openMeteo.stubFor(forecastFor().willReturn(okJson("{\"daily\":{\"time\":[]}}")));
        assertThat(importer.run(household, TODAY).orElseThrow().data().error())
                .isEqualTo("invalid forecast: no daily forecast");

        assertThat(kit.imports(household)).isEmpty();
        assertThat(kit.runs(household)).hasSize(4);
    }

    @Test
    void aHouseholdWithoutLocationIsNotRun() {
        kit.settings(household, 1, "Europe/London", Importers.NONE);

        assertThat(importer.run(household, TODAY)).isEmpty();
    }

    private void homeIn(String zone, String units) {
        kit.settings(
                household,
                1,
                zone,
                new Importers(new Location("Home", latitude, -0.12, units), List.of(), List.of()));
    }

    private void serve(String unit, List<Day> days) {
        String zone = settings.find(household).orElseThrow().zone().getId();
        openMeteo.stubFor(
                forecastFor().willReturn(okJson(OpenMeteoStub.forecast(zone, unit, days))));
    }

    private com.github.tomakehurst.wiremock.client.MappingBuilder forecastFor() {
        return get(urlPathEqualTo("/v1/forecast"))
                .withQueryParam(
                        "latitude",
                        equalTo(String.format(java.util.Locale.ROOT, "%.4f", latitude)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(
            String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private static WireMockServer started() {
        var server = new WireMockServer(options().dynamicPort());
        server.start();
        return server;
    }
}
