package dev.stevens.briefing.delivery;

import dev.stevens.briefing.delivery.DeliveryOutcome.Failed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change of a delivery, each in one transaction with the events it causes (the brief's new
 * version, and the bot message when it was sent).
 */
@Component
class DeliveryLedger {

    private final DeliveryStore deliveries;
    private final BriefEvents events;
    private final DeliveryProperties properties;
    private final TransactionTemplate transactions;

    DeliveryLedger(
            DeliveryStore deliveries,
            BriefEvents events,
            DeliveryProperties properties,
            TransactionTemplate transactions) {
        this.deliveries = deliveries;
        this.events = events;
        this.properties = properties;
        this.transactions = transactions;
    }

    void delivered(Parcel parcel, String receipt, Instant now) {
        transactions.executeWithoutResult(
                status ->
                        deliveries
                                .delivered(parcel.id(), receipt, now)
                                .ifPresent(
                                        brief -> {
                                            events.briefChanged(brief, now);
                                            events.briefSent(parcel, receipt, now);
                                        }));
    }

    void skipped(Parcel parcel, String reason, Instant now) {
        transactions.executeWithoutResult(
                status ->
                        deliveries
                                .skipped(parcel.id(), reason, now)
                                .ifPresent(brief -> events.briefChanged(brief, now)));
    }

    /**
     * Schedules the next attempt after the backoff (or the other side's {@code retry_after} when
     * that is later), or gives up: at once when retrying cannot help, or when the next attempt
     * would fall after the deadline.
     *
     * @return whether the delivery was given up
     */
    boolean failed(Parcel parcel, Failed failure, Instant now, Instant deadline) {
        Duration wait = properties.backoff(parcel.attempts() + 1);
        if (failure.retryAfter() != null && failure.retryAfter().compareTo(wait) > 0) {
            wait = failure.retryAfter();
        }
        Instant next = now.plus(wait);
        boolean pastDeadline = deadline != null && next.isAfter(deadline);
        boolean giveUp = failure.permanent() || pastDeadline;
        String error =
                pastDeadline && !failure.permanent()
                        ? failure.error() + "; no attempt left before the deadline " + deadline
                        : failure.error();
        transactions.executeWithoutResult(
                status ->
                        deliveries
                                .attemptFailed(
                                        parcel.id(),
                                        error,
                                        giveUp,
                                        giveUp ? null : next,
                                        failure.progress(),
                                        now)
                                .ifPresent(brief -> events.briefChanged(brief, now)));
        return giveUp;
    }

    void expireOverdue(Instant now) {
        transactions.executeWithoutResult(
                status -> {
                    List<UUID> briefs = deliveries.expireOverdue(now);
                    briefs.forEach(brief -> events.briefChanged(brief, now));
                });
    }
}
