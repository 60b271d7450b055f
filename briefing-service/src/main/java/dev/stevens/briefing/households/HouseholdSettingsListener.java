package dev.stevens.briefing.households;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.RejectedEventException;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the local copy of households from the compacted {@code stevens.households.v1}. */
@Component
class HouseholdSettingsListener {

    private static final Logger log = LoggerFactory.getLogger(HouseholdSettingsListener.class);

    private final HouseholdSettingsStore store;

    HouseholdSettingsListener(HouseholdSettingsStore store) {
        this.store = store;
    }

    @KafkaListener(id = "briefing-households", idIsGroup = false, topics = Topics.HOUSEHOLDS)
    void on(HouseholdSettingsChanged event) {
        validate(event);
        boolean applied = store.apply(event.household(), event.data());
        log.debug(
                "Household {} settings version {} {}",
                event.household(),
                event.data().version(),
                applied ? "applied" : "already known");
    }

    private static void validate(HouseholdSettingsChanged event) {
        var settings = event.data();
        if (event.household() == null || settings == null) {
            throw new RejectedEventException("household settings without household or data");
        }
        if (settings.name() == null || settings.briefTime() == null) {
            throw new RejectedEventException("household settings without name or brief time");
        }
        try {
            ZoneId.of(String.valueOf(settings.timeZone()));
        } catch (DateTimeException e) {
            throw new RejectedEventException("unknown time zone " + settings.timeZone());
        }
    }
}
