package dev.stevens.briefing.schedule;

import dev.stevens.briefing.BriefingProperties;
import dev.stevens.briefing.delivery.BriefOutbox;
import dev.stevens.briefing.delivery.DeliverySender;
import dev.stevens.briefing.delivery.DeliveryWorkers;
import dev.stevens.briefing.delivery.OutboxRelay;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.households.HouseholdDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One tick: writes every brief that has become due (or records it as missed when it is older than
 * the grace), sends every delivery that is due, and publishes the resulting events. Safe on many
 * instances and threads at once: a brief is written by whichever insert wins, and a delivery is
 * sent only by the instance that claimed it.
 */
@Component
public class BriefScheduler {

    private final HouseholdDirectory households;
    private final BriefOutbox outbox;
    private final DeliverySender sender;
    private final DeliveryWorkers workers;
    private final OutboxRelay relay;
    private final BriefingProperties properties;
    private final Clock clock;

    BriefScheduler(
            HouseholdDirectory households,
            BriefOutbox outbox,
            DeliverySender sender,
            DeliveryWorkers workers,
            OutboxRelay relay,
            BriefingProperties properties,
            Clock clock) {
        this.households = households;
        this.outbox = outbox;
        this.sender = sender;
        this.workers = workers;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    public void tick() {
        Instant now = clock.instant();
        workers.runAll(dueBriefs(now));
        sender.sendDue();
        relay.publishPending();
    }

    private List<Runnable> dueBriefs(Instant now) {
        // two days back in UTC covers "yesterday" in every zone from UTC-12 to UTC+14
        Set<String> existing =
                outbox.existingSince(now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(2));
        List<Runnable> work = new ArrayList<>();
        for (Household household : households.all()) {
            LocalDate today = now.atZone(household.zone()).toLocalDate();
            // yesterday too: a late brief time plus grace can reach past local midnight
            for (LocalDate date : new LocalDate[] {today.minusDays(1), today}) {
                BriefSlot slot = BriefSlot.of(household, date);
                if (!slot.isDue(now) || existing.contains(household.id() + "/" + date)) {
                    continue;
                }
                if (!slot.isMissed(now, properties.grace())) {
                    work.add(() -> outbox.create(household, date, slot.dueAt(), now));
                } else if (date.equals(today)) {
                    work.add(
                            () ->
                                    outbox.recordMissed(
                                            household,
                                            date,
                                            slot.dueAt(),
                                            now,
                                            "missed: due at "
                                                    + slot.dueAt()
                                                    + ", more than "
                                                    + properties.grace()
                                                    + " ago"));
                }
            }
        }
        return work;
    }
}
