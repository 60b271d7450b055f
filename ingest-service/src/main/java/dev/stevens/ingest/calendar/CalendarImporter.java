package dev.stevens.ingest.calendar;

import dev.stevens.events.HouseholdSettingsChanged.CalendarFeed;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.ingest.calendar.FeedFetcher.Fetched;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Polls every household's ICS feeds. A changed feed becomes one memory per occurrence and day in
 * the window (yesterday .. +30 days by default), then a snapshot of the feed's scope {@code
 * calendar:<feedId>} so that cancelled or deleted events disappear. An unchanged feed (304) writes
 * nothing unless the window has moved to a new day since. Every feed poll ends with a run record.
 */
@Component
class CalendarImporter implements ScheduledImporter {

    static final String SOURCE = "calendar";
    private static final Logger log = LoggerFactory.getLogger(CalendarImporter.class);

    /** The last successfully imported body of a feed, for conditional GET and a moved window. */
    private record Imported(Fetched fetched, LocalDate today) {}

    private final ImporterSettings settings;
    private final FeedFetcher fetcher;
    private final ImporterOutput output;
    private final CalendarProperties properties;
    private final Map<String, Imported> imported = new ConcurrentHashMap<>();

    CalendarImporter(
            ImporterSettings settings,
            FeedFetcher fetcher,
            ImporterOutput output,
            CalendarProperties properties) {
        this.settings = settings;
        this.fetcher = fetcher;
        this.output = output;
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
            run(household, LocalDate.now(household.zone()));
        }
    }

    /** Polls every feed of the household as if today were {@code today}; one record per feed. */
    List<ImporterRunFinished> run(UUID household, LocalDate today) {
        return settings.find(household).map(h -> run(h, today)).orElse(List.of());
    }

    private List<ImporterRunFinished> run(HouseholdImporters household, LocalDate today) {
        return household.importers().calendarFeeds().stream()
                .filter(feed -> feed.id() != null && !feed.id().isBlank())
                .map(feed -> poll(household, feed, today))
                .toList();
    }

    private ImporterRunFinished poll(
            HouseholdImporters household, CalendarFeed feed, LocalDate today) {
        String scope = SOURCE + ":" + feed.id();
        String stateKey = household.household() + "|" + feed.id() + "|" + feed.url();
        Instant started = Instant.now();
        int seen = 0;
        int changed = 0;
        String error = null;
        try {
            Imported before = imported.get(stateKey);
            Fetched fetched = fetcher.fetch(feed, before == null ? null : before.fetched());
            if (fetched.notModified() && before.today().equals(today)) {
                return record(household, scope, started, 0, 0, null);
            }
            Fetched body = fetched.notModified() ? before.fetched() : fetched;
            LocalDate first = today.minusDays(properties.pastDays());
            LocalDate last = today.plusDays(properties.futureDays());
            List<ImportItem> items =
                    CalendarItems.of(
                            feed.id(),
                            FeedOccurrences.of(body.body(), household.zone(), first, last),
                            first,
                            last);
            seen = items.size();
            changed = output.publishScope(household.household(), SOURCE, scope, first, last, items);
            imported.put(stateKey, new Imported(body, today));
        } catch (FeedFailedException | ImportNotStoredException e) {
            error = e.getMessage();
            log.warn(
                    "Calendar feed {} of household {} failed: {}",
                    feed.id(),
                    household.household(),
                    error);
        }
        return record(household, scope, started, seen, changed, error);
    }

    private ImporterRunFinished record(
            HouseholdImporters household,
            String scope,
            Instant started,
            int seen,
            int changed,
            String error) {
        return output.recordRun(
                household.household(),
                new ImporterRunFinished.Data(
                        SOURCE, scope, started, Instant.now(), seen, changed, error));
    }
}
