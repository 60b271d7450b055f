package dev.stevens.memory.dashboard.settings;

import dev.stevens.memory.households.HouseholdSettingsChangelog;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes the household's full settings after a dashboard change, through the same changelog the
 * token API and the demo set-up use, so no publisher can drop what another one saved.
 */
@Component
class SettingsPublisher {

    private final HouseholdSettingsChangelog changelog;

    SettingsPublisher(HouseholdSettingsChangelog changelog) {
        this.changelog = changelog;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void publish(UUID household) {
        changelog.recordChange(household);
    }
}
