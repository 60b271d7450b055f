package dev.stevens.briefing.delivery;

import dev.stevens.briefing.BriefingProperties;
import dev.stevens.briefing.delivery.DeliveryOutcome.Delivered;
import dev.stevens.briefing.delivery.DeliveryOutcome.Failed;
import dev.stevens.briefing.delivery.DeliveryOutcome.Skipped;
import dev.stevens.briefing.metrics.BriefMetrics;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends every delivery that is due, on any instance: gives up the ones past their deadline, then
 * claims due ones in batches and sends them in parallel through their channels.
 */
@Component
public class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryStore deliveries;
    private final DeliveryLedger ledger;
    private final Map<String, DeliveryChannel> channels;
    private final DeliveryWorkers workers;
    private final BriefingProperties briefing;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final BriefMetrics metrics;

    DeliverySender(
            DeliveryStore deliveries,
            DeliveryLedger ledger,
            List<DeliveryChannel> channels,
            DeliveryWorkers workers,
            BriefingProperties briefing,
            DeliveryProperties properties,
            Clock clock,
            BriefMetrics metrics) {
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.ledger = ledger;
        this.channels =
                channels.stream()
                        .collect(Collectors.toMap(DeliveryChannel::name, Function.identity()));
        this.workers = workers;
        this.briefing = briefing;
        this.properties = properties;
        this.clock = clock;
    }

    boolean supports(String channel) {
        return channels.containsKey(channel);
    }

    public void sendDue() {
        Instant now = clock.instant();
        ledger.expireOverdue(now);
        List<UUID> claimed;
        do {
            claimed = deliveries.claimDue(now, now.minus(briefing.lease()), properties.batchSize());
            workers.runAll(
                    deliveries.parcels(claimed).stream()
                            .<Runnable>map(parcel -> () -> send(parcel))
                            .toList());
        } while (claimed.size() == properties.batchSize());
    }

    private void send(Parcel parcel) {
        DeliveryOutcome outcome;
        try {
            outcome = channels.get(parcel.channel()).deliver(parcel);
        } catch (RuntimeException e) {
            // channels report expected failures as outcomes; this is a bug, kept without details
            log.error("Channel {} failed unexpectedly", parcel.channel(), e);
            outcome = new Failed("unexpected " + e.getClass().getSimpleName(), false);
        }
        Instant now = clock.instant();
        if (outcome instanceof Delivered delivered) {
            ledger.delivered(parcel, delivered.receipt(), now);
            metrics.delivered(parcel.channel(), parcel.briefId(), now);
            log.info(
                    "Brief for household {} on {} delivered by {}",
                    parcel.household(),
                    parcel.date(),
                    parcel.channel());
        } else if (outcome instanceof Skipped skipped) {
            ledger.skipped(parcel, skipped.reason(), now);
            log.info(
                    "Brief for household {} on {} not sent by {}: {}",
                    parcel.household(),
                    parcel.date(),
                    parcel.channel(),
                    skipped.reason());
        } else if (outcome instanceof Failed failed) {
            boolean gaveUp = ledger.failed(parcel, failed, now, parcel.deadline());
            if (gaveUp) metrics.failed(parcel.channel());
            log.warn(
                    "Brief for household {} on {} failed on {}{}: {}",
                    parcel.household(),
                    parcel.date(),
                    parcel.channel(),
                    gaveUp ? " (given up)" : " (will retry)",
                    failed.error());
        }
    }
}
