package dev.stevens.ingest.households;

import dev.stevens.events.EventTypes;
import dev.stevens.events.HouseholdSettingsChanged;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns records of the households topic into changes of every settings subscriber (token index,
 * chat and sender directory, importer settings). Reading is tolerant: unknown fields are ignored,
 * and a record we cannot read is skipped with a warning, because memory-service owns this topic and
 * one bad record must not hide every other household's tokens.
 */
@Component
class SettingsRecords {

    private static final Logger log = LoggerFactory.getLogger(SettingsRecords.class);

    private final JsonMapper jsonMapper;
    private final HouseholdTokenIndex index;
    private final List<HouseholdSettingsSubscriber> subscribers;

    SettingsRecords(
            JsonMapper jsonMapper,
            HouseholdTokenIndex index,
            List<HouseholdSettingsSubscriber> subscribers) {
        this.jsonMapper = jsonMapper;
        this.index = index;
        this.subscribers = List.copyOf(subscribers);
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.value() == null) {
                UUID household = UUID.fromString(record.key());
                subscribers.forEach(subscriber -> subscriber.forget(household));
                return;
            }
            var event = jsonMapper.readValue(record.value(), HouseholdSettingsChanged.class);
            if (!EventTypes.HOUSEHOLD_SETTINGS_CHANGED.equals(event.type())
                    || event.household() == null
                    || event.data() == null) {
                log.warn("Skipping unexpected record {}", where(record));
                return;
            }
            subscribers.forEach(subscriber -> subscriber.apply(event));
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            log.warn("Skipping unreadable record {}: {}", where(record), e.getMessage());
        }
    }

    int householdCount() {
        return index.householdCount();
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
