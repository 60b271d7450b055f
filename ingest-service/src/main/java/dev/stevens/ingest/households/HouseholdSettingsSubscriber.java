package dev.stevens.ingest.households;

import dev.stevens.events.HouseholdSettingsChanged;
import java.util.UUID;

/**
 * Something in ingest that keeps a copy of household settings. One reader of {@code
 * stevens.households.v1} feeds them all, so the topic is read once per instance.
 */
public interface HouseholdSettingsSubscriber {

    /** A newer (or replayed) settings record; implementations keep only the highest version. */
    void apply(HouseholdSettingsChanged event);

    /** The household's record was deleted from the compacted topic. */
    void forget(UUID household);
}
