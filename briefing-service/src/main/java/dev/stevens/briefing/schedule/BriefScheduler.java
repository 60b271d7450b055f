package dev.stevens.briefing.schedule;

import dev.stevens.briefing.BriefingProperties;
import dev.stevens.briefing.delivery.BriefOutbox;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.households.HouseholdDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks at every household's local clock and hands due briefs to the outbox. Safe to run on many
 * instances and threads at once: the outbox creates each brief and delivery once and only the
 * instance that claims a delivery sends it.
 */
@Component
public class BriefScheduler {

    private static final Logger log = LoggerFactory.getLogger(BriefScheduler.class);

    private final HouseholdDirectory households;
    private final BriefOutbox outbox;
    private final BriefingProperties properties;
    private final Clock clock;

    BriefScheduler(
            HouseholdDirectory households,
            BriefOutbox outbox,
            BriefingProperties properties,
            Clock clock) {
        this.households = households;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public void tick() {
        Instant now = clock.instant();
        for (Household household : households.all()) {
            try {
                consider(household, now);
            } catch (RuntimeException e) {
                // one household's trouble must not hold up the others; the next tick retries
                log.warn("Brief for household {} not handled this tick", household.id(), e);
            }
        }
    }

    private void consider(Household household, Instant now) {
        LocalDate today = now.atZone(household.zone()).toLocalDate();
        // yesterday too: a late brief time plus grace can reach past local midnight
        for (LocalDate date : new LocalDate[] {today.minusDays(1), today}) {
            BriefSlot slot = BriefSlot.of(household, date);
            if (!slot.isDue(now)) {
                continue;
            }
            if (!slot.isMissed(now, properties.grace())) {
                outbox.deliver(household, date);
            } else if (date.equals(today)) {
                outbox.recordMissed(
                        household,
                        date,
                        "missed: due at "
                                + slot.dueAt()
                                + ", more than "
                                + properties.grace()
                                + " ago");
            }
        }
    }
}
