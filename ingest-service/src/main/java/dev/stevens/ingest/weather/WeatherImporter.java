package dev.stevens.ingest.weather;

import dev.stevens.events.HouseholdSettingsChanged.Location;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.ingest.importers.HouseholdImporters;
import dev.stevens.ingest.importers.ImportItem;
import dev.stevens.ingest.importers.ImportNotStoredException;
import dev.stevens.ingest.importers.ImporterOutput;
import dev.stevens.ingest.importers.ImporterSettings;
import dev.stevens.ingest.importers.ScheduledImporter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * For every household with a location: the forecast for the next days, one memory per day keyed
 * {@code weather:<location>:<date>} (a revised forecast replaces the old one), then a snapshot of
 * the window, then a run record. A failed run writes no forecast, only its run record.
 */
@Component
class WeatherImporter implements ScheduledImporter {

    static final String SOURCE = "weather";
    private static final Logger log = LoggerFactory.getLogger(WeatherImporter.class);

    private final ImporterSettings settings;
    private final OpenMeteoClient client;
    private final ImporterOutput output;
    private final JsonMapper jsonMapper;
    private final WeatherProperties properties;

    WeatherImporter(
            ImporterSettings settings,
            OpenMeteoClient client,
            ImporterOutput output,
            JsonMapper jsonMapper,
            WeatherProperties properties) {
        this.settings = settings;
        this.client = client;
        this.output = output;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
    }

    @Override
    public Duration interval() {
        return properties.interval();
    }

    @Override
    public Duration initialDelay() {
        return properties.initialDelay();
    }

    @Override
    public void runAll() {
        for (HouseholdImporters household : settings.all()) {
            if (household.importers().location() != null) {
                run(household, LocalDate.now(household.zone()));
            }
        }
    }

    /**
     * One run for this household as if today were {@code today}; empty if it has no location (or is
     * unknown).
     */
    Optional<ImporterRunFinished> run(UUID household, LocalDate today) {
        return settings.find(household)
                .filter(h -> h.importers().location() != null)
                .map(h -> run(h, today));
    }

    private ImporterRunFinished run(HouseholdImporters household, LocalDate today) {
        Location location = household.importers().location();
        String name = locationName(location);
        String scope = SOURCE + ":" + name;
        String label =
                location.name() == null || location.name().isBlank() ? name : location.name();
        Instant started = Instant.now();
        int seen = 0;
        int changed = 0;
        String error = null;
        try {
            Units units = Units.of(location.units());
            String body = client.forecast(location, household.zone(), units);
            List<DayForecast> days;
            try {
                days =
                        ForecastParser.parse(
                                jsonMapper.readTree(body), units, today, properties.forecastDays());
            } catch (JacksonException e) {
                throw new InvalidForecastException("not JSON");
            }
            seen = days.size();
            List<ImportItem> items =
                    days.stream()
                            .map(
                                    day ->
                                            new ImportItem(
                                                    scope + ":" + day.date(),
                                                    day.date(),
                                                    WeatherText.of(label, day, units),
                                                    List.of(SOURCE),
                                                    null))
                            .toList();
            changed =
                    output.publishScope(
                            household.household(),
                            SOURCE,
                            scope,
                            today,
                            today.plusDays(properties.forecastDays() - 1L),
                            items);
        } catch (WeatherUnavailableException e) {
            error = e.getMessage();
        } catch (InvalidForecastException e) {
            error = "invalid forecast: " + e.getMessage();
        } catch (ImportNotStoredException e) {
            error = e.getMessage();
        }
        if (error != null) {
            log.warn("Weather for household {} failed: {}", household.household(), error);
        }
        return output.recordRun(
                household.household(),
                new ImporterRunFinished.Data(
                        SOURCE, scope, started, Instant.now(), seen, changed, error));
    }

    /** The location's label as it appears in keys: lower case, no separators. */
    static String locationName(Location location) {
        String name = location.name() == null ? "" : location.name().trim();
        name = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-");
        return name.isEmpty() || name.equals("-") ? "home" : name;
    }
}
