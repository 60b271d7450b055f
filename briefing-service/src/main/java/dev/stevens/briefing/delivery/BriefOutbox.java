package dev.stevens.briefing.delivery;

import dev.stevens.briefing.compose.BriefDrafts;
import dev.stevens.briefing.compose.ComposedBrief;
import dev.stevens.briefing.delivery.DeliveryStore.NewDelivery;
import dev.stevens.briefing.households.Household;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.households.Recipient;
import dev.stevens.briefing.metrics.BriefMetrics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a due brief into stored rows: the brief once per household and day, one delivery per
 * recipient and channel, and the brief's first {@code BriefIssued} — in one transaction, written
 * only by the instance whose insert won. Sending is {@link DeliverySender}'s job.
 */
@Component
public class BriefOutbox {

    static final String NOTHING_TO_REPORT =
            "nothing to report: the brief has no dated items and the recipient skips empty briefs";

    private final BriefDrafts drafts;
    private final BriefStore briefs;
    private final DeliveryStore deliveries;
    private final HouseholdDirectory households;
    private final DeliverySender sender;
    private final BriefEvents events;
    private final DeliveryProperties properties;
    private final TransactionTemplate transactions;
    private final BriefMetrics metrics;

    BriefOutbox(
            BriefDrafts drafts,
            BriefStore briefs,
            DeliveryStore deliveries,
            HouseholdDirectory households,
            DeliverySender sender,
            BriefEvents events,
            DeliveryProperties properties,
            TransactionTemplate transactions,
            BriefMetrics metrics) {
        this.metrics = metrics;
        this.drafts = drafts;
        this.briefs = briefs;
        this.deliveries = deliveries;
        this.households = households;
        this.sender = sender;
        this.events = events;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** Households and days that already have a brief, as {@code "<household>/<date>"}. */
    public Set<String> existingSince(LocalDate since) {
        return briefs.existingSince(since);
    }

    /**
     * The brief is due and on time: write it and its deliveries. A delivery waits for the end of
     * the recipient's quiet hours; a recipient who skips empty briefs gets none on an empty day.
     */
    public void create(Household household, LocalDate date, Instant dueAt, Instant now) {
        store(household, date, dueAt, now, null);
    }

    /** The brief is too late to send: keep it and record every delivery as missed. */
    public void recordMissed(
            Household household, LocalDate date, Instant dueAt, Instant now, String reason) {
        store(household, date, dueAt, now, reason);
    }

    private void store(
            Household household, LocalDate date, Instant dueAt, Instant now, String missed) {
        // composed outside the transaction: an LLM may take seconds
        ComposedBrief composed = drafts.draft(household, date);
        transactions.executeWithoutResult(
                status -> {
                    int dated = briefs.datedItems(household.id(), composed);
                    briefs.insertIfAbsent(household.id(), date, dueAt, composed, dated)
                            .ifPresent(
                                    brief -> {
                                        for (Recipient recipient :
                                                households.recipients(household.id())) {
                                            if (sender.supports(recipient.channel())) {
                                                deliveries.insertIfAbsent(
                                                        brief,
                                                        household.id(),
                                                        date,
                                                        delivery(
                                                                household, recipient, dated, dueAt,
                                                                now, missed));
                                            }
                                        }
                                        events.briefChanged(brief, now);
                                    });
                });
    }

    private NewDelivery delivery(
            Household household,
            Recipient recipient,
            int datedItems,
            Instant dueAt,
            Instant now,
            String missed) {
        if (missed != null) {
            metrics.missed(recipient.channel());
            return new NewDelivery(
                    recipient.channel(), recipient.address(), "MISSED", missed, null, null);
        }
        if (recipient.skipEmptyBrief() && datedItems == 0) {
            return new NewDelivery(
                    recipient.channel(),
                    recipient.address(),
                    "SKIPPED",
                    NOTHING_TO_REPORT,
                    null,
                    null);
        }
        metrics.due(recipient.channel());
        var quiet = new QuietHours(recipient.quietStart(), recipient.quietEnd());
        // the deadline counts from when the recipient was due to get it, even if sent late
        Instant deadline = quiet.release(dueAt, household.zone()).plus(properties.retryDeadline());
        return new NewDelivery(
                recipient.channel(),
                recipient.address(),
                "PENDING",
                null,
                quiet.release(now, household.zone()),
                deadline);
    }
}
