package dev.stevens.briefing.delivery;

import dev.stevens.briefing.compose.BriefDrafts;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.households.Recipient;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Turns a due brief into stored rows and sends them: the brief once per household and day, one
 * delivery per recipient and channel. Every step is an idempotent statement, so concurrent ticks
 * and instances converge on the same rows.
 */
@Component
public class BriefOutbox {

    private final BriefDrafts drafts;
    private final BriefStore briefs;
    private final DeliveryStore deliveries;
    private final HouseholdDirectory households;
    private final DeliverySender sender;

    BriefOutbox(
            BriefDrafts drafts,
            BriefStore briefs,
            DeliveryStore deliveries,
            HouseholdDirectory households,
            DeliverySender sender) {
        this.drafts = drafts;
        this.briefs = briefs;
        this.deliveries = deliveries;
        this.households = households;
        this.sender = sender;
    }

    /** The brief is due and on time: make sure it exists and send whatever is still open. */
    public void deliver(Household household, LocalDate date) {
        UUID brief = ensureBrief(household, date);
        ensureDeliveries(household, date, brief, "PENDING", null);
        sender.sendOpen(household.id(), date);
    }

    /** The brief is too late to send: keep it and record every delivery as skipped. */
    public void recordMissed(Household household, LocalDate date, String reason) {
        UUID brief = ensureBrief(household, date);
        ensureDeliveries(household, date, brief, "SKIPPED", reason);
        deliveries.skipPending(household.id(), date, reason);
    }

    private UUID ensureBrief(Household household, LocalDate date) {
        return briefs.find(household.id(), date)
                .orElseGet(
                        () ->
                                briefs.insertIfAbsent(
                                        household.id(), date, drafts.draft(household, date)));
    }

    private void ensureDeliveries(
            Household household, LocalDate date, UUID brief, String status, String reason) {
        for (Recipient recipient : households.recipients(household.id())) {
            if (sender.supports(recipient.channel())) {
                deliveries.insertIfAbsent(
                        brief,
                        household.id(),
                        date,
                        recipient.channel(),
                        recipient.address(),
                        status,
                        reason);
            }
        }
    }
}
