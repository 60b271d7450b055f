package dev.stevens.briefing.delivery;

import dev.stevens.briefing.BriefingProperties;
import dev.stevens.briefing.delivery.DeliveryOutcome.Delivered;
import dev.stevens.briefing.delivery.DeliveryOutcome.Failed;
import dev.stevens.briefing.delivery.DeliveryOutcome.Skipped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Claims open deliveries one by one and sends each through its channel. */
@Component
class DeliverySender {

    private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

    private final DeliveryStore deliveries;
    private final Map<String, DeliveryChannel> channels;
    private final BriefingProperties properties;

    DeliverySender(
            DeliveryStore deliveries,
            List<DeliveryChannel> channels,
            BriefingProperties properties) {
        this.deliveries = deliveries;
        this.channels =
                channels.stream()
                        .collect(Collectors.toMap(DeliveryChannel::name, Function.identity()));
        this.properties = properties;
    }

    boolean supports(String channel) {
        return channels.containsKey(channel);
    }

    void sendOpen(UUID household, LocalDate date) {
        for (var delivery : deliveries.open(household, date)) {
            if (deliveries.claim(delivery.id(), properties.lease())) {
                send(household, date, delivery);
            }
        }
    }

    private void send(UUID household, LocalDate date, DeliveryStore.OpenDelivery delivery) {
        DeliveryOutcome outcome;
        try {
            outcome =
                    channels.get(delivery.channel()).send(delivery.recipient(), delivery.content());
        } catch (RuntimeException e) {
            // channels report expected failures as outcomes; this is a bug, kept without details
            log.error("Channel {} failed unexpectedly", delivery.channel(), e);
            outcome = new Failed("unexpected " + e.getClass().getSimpleName(), false);
        }
        if (outcome instanceof Delivered delivered) {
            deliveries.delivered(delivery.id(), delivered.receipt());
            log.info(
                    "Brief for household {} on {} delivered by {}",
                    household,
                    date,
                    delivery.channel());
        } else if (outcome instanceof Skipped skipped) {
            deliveries.skipped(delivery.id(), skipped.reason());
            log.info(
                    "Brief for household {} on {} not sent by {}: {}",
                    household,
                    date,
                    delivery.channel(),
                    skipped.reason());
        } else if (outcome instanceof Failed failed) {
            deliveries.failedAttempt(
                    delivery.id(), failed.error(), failed.permanent(), properties.maxAttempts());
            log.warn(
                    "Brief for household {} on {} failed on {}: {}",
                    household,
                    date,
                    delivery.channel(),
                    failed.error());
        }
    }
}
