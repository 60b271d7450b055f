package dev.stevens.ingest.importers;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.ingest.households.HouseholdSettingsSubscriber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each household's time zone and importer settings, the latest version wins (a replay of the
 * compacted households topic changes nothing). Fed by the one households reader, read by importer
 * runs.
 */
@Component
public class ImporterSettings implements HouseholdSettingsSubscriber {

    private static final Logger log = LoggerFactory.getLogger(ImporterSettings.class);

    private final Map<UUID, HouseholdImporters> households = new ConcurrentHashMap<>();

    public Optional<HouseholdImporters> find(UUID household) {
        return Optional.ofNullable(households.get(household));
    }

    /** Every known household, in a stable order so scheduled runs are predictable. */
    public List<HouseholdImporters> all() {
        return households.values().stream()
                .sorted(Comparator.comparing(HouseholdImporters::household))
                .toList();
    }

    @Override
    public synchronized void apply(HouseholdSettingsChanged event) {
        HouseholdImporters known = households.get(event.household());
        if (known != null && event.data().version() <= known.version()) {
            return;
        }
        households.put(
                event.household(),
                new HouseholdImporters(
                        event.household(),
                        zoneOf(event),
                        event.data().importers(),
                        event.data().version()));
    }

    @Override
    public synchronized void forget(UUID household) {
        households.remove(household);
    }

    private static ZoneId zoneOf(HouseholdSettingsChanged event) {
        String zone = event.data().timeZone();
        try {
            return zone == null ? ZoneOffset.UTC : ZoneId.of(zone);
        } catch (DateTimeException e) {
            // memory-service validates zones; if one slips through, UTC beats dropping the
            // household
            log.warn("Household {} has unknown time zone {}; using UTC", event.household(), zone);
            return ZoneOffset.UTC;
        }
    }
}
