package dev.stevens.support.observability;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Wraps every listener of the service (Boot hands these interceptors to its container factories):
 * log lines written while a record is processed carry its event id, household, topic and offset in
 * the MDC (beside the trace id the listener observation puts there), and the outcome is counted in
 * {@link EventMetrics}. A batch carries the household when the whole batch shares one.
 */
class ConsumerObservability {

    private static final Logger log = LoggerFactory.getLogger(ConsumerObservability.class);
    static final String EVENT_ID = "eventId";
    static final String HOUSEHOLD = "household";
    static final String RECORD = "record";

    private ConsumerObservability() {}

    static String group(Consumer<?, ?> consumer) {
        try {
            return consumer.groupMetadata().groupId();
        } catch (RuntimeException e) {
            return "none";
        }
    }

    static void putMdc(ConsumerRecord<?, ?> record) {
        putOrRemove(EVENT_ID, EventMetrics.header(record, "ce_id"));
        putOrRemove(HOUSEHOLD, EventMetrics.header(record, "ce_household"));
        MDC.put(RECORD, record.topic() + "-" + record.partition() + "@" + record.offset());
    }

    static void clearMdc() {
        MDC.remove(EVENT_ID);
        MDC.remove(HOUSEHOLD);
        MDC.remove(RECORD);
    }

    private static void putOrRemove(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    static final class Records implements RecordInterceptor<Object, Object> {

        private final EventMetrics metrics;

        Records(EventMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public ConsumerRecord<Object, Object> intercept(
                ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            putMdc(record);
            log.debug("Received {}", record.topic());
            return record;
        }

        @Override
        public void success(
                ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            metrics.applied(record, group(consumer));
        }

        @Override
        public void failure(
                ConsumerRecord<Object, Object> record,
                Exception exception,
                Consumer<Object, Object> consumer) {
            metrics.failed(record, group(consumer));
        }

        @Override
        public void afterRecord(
                ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            clearMdc();
        }
    }

    private static int failedIndex(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException failed) {
                return failed.getIndex();
            }
        }
        return -1;
    }

    static final class Batches implements BatchInterceptor<Object, Object> {

        private final EventMetrics metrics;

        Batches(EventMetrics metrics) {
            this.metrics = metrics;
        }

        @Override
        public ConsumerRecords<Object, Object> intercept(
                ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
            String household = null;
            boolean one = true;
            for (ConsumerRecord<Object, Object> record : records) {
                putMdc(record);
                log.debug("Received {} in a batch of {}", record.topic(), records.count());
                String h = EventMetrics.header(record, "ce_household");
                one = one && (household == null || household.equals(h));
                household = h;
            }
            clearMdc();
            if (one && household != null) {
                MDC.put(HOUSEHOLD, household);
            }
            return records;
        }

        @Override
        public void success(
                ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
            String group = group(consumer);
            records.forEach(record -> metrics.applied(record, group));
            clearMdc();
        }

        @Override
        public void failure(
                ConsumerRecords<Object, Object> records,
                Exception exception,
                Consumer<Object, Object> consumer) {
            // the error handler commits what came before a BatchListenerFailedException's index
            // (applied) and redelivers the rest, which is counted when its own batch succeeds
            int failedAt = failedIndex(exception);
            String group = group(consumer);
            int i = 0;
            for (ConsumerRecord<Object, Object> record : records) {
                if (failedAt < 0 || i == failedAt) {
                    metrics.failed(record, group);
                } else if (i < failedAt) {
                    metrics.applied(record, group);
                }
                i++;
            }
            clearMdc();
        }
    }
}
