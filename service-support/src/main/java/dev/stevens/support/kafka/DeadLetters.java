package dev.stevens.support.kafka;

import dev.stevens.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a record a listener could not process: rejected and unreadable records go to
 * {@code <topic>.dlt} at once (with the reason in the standard {@code kafka_dlt-*} headers);
 * records that failed because the database is unreachable are retried until it is back; anything
 * else is retried a few times, then dead-lettered. Either way the partition keeps moving.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {}

    static DefaultErrorHandler errorHandler(
            KafkaTemplate<String, byte[]> template,
            StevensKafkaProperties properties,
            MeterRegistry meters) {
        var recoverer =
                new DeadLetterPublishingRecoverer(
                        template,
                        (record, exception) -> {
                            log.warn(
                                    "Dead-lettering record {}-{}@{} (event id {}): {}",
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    eventId(record),
                                    rootMessage(exception));
                            if (meters != null) {
                                meters.counter("stevens.dead.letters", "topic", record.topic())
                                        .increment();
                            }
                            return new TopicPartition(
                                    Topics.deadLetterOf(record.topic()), record.partition());
                        });
        var handler =
                new DefaultErrorHandler(
                        recoverer, new FixedBackOff(200, properties.retryAttempts() - 1L));
        handler.addNotRetryableExceptions(
                RejectedEventException.class,
                ConversionException.class,
                MessageConversionException.class);
        BackOff untilBack = new FixedBackOff(properties.infrastructureBackOff().toMillis());
        handler.setBackOffFunction(
                (record, exception) -> isInfrastructureOutage(exception) ? untilBack : null);
        return handler;
    }

    /** True when the failure is the database or broker being unreachable, not the record. */
    public static boolean isInfrastructureOutage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof TransientDataAccessException
                    || t instanceof java.net.ConnectException
                    || t instanceof java.sql.SQLException sql && isConnectionLost(sql)) {
                return true;
            }
            // a connection that died mid-transaction fails the rollback too, and the rollback's
            // exception replaces the one that says what happened: look at both
            if (t instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && isInfrastructureOutage(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and the server going away (57P01 admin shutdown,
     * 57P02 crash shutdown, 57P03 cannot connect now): drivers report these as plain SQLExceptions.
     */
    private static boolean isConnectionLost(java.sql.SQLException exception) {
        String state = exception.getSQLState();
        return state != null
                && (state.startsWith("08")
                        || state.equals("57P01")
                        || state.equals("57P02")
                        || state.equals("57P03"));
    }

    private static String eventId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("ce_id");
        if (header != null) {
            return new String(header.value(), StandardCharsets.UTF_8);
        }
        return record.key() == null ? "unknown" : "key " + record.key();
    }

    private static String rootMessage(Throwable exception) {
        Throwable t = exception;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Header naming the reason a record was dead-lettered, as written by Spring Kafka. */
    static final String REASON_HEADER = KafkaHeaders.DLT_EXCEPTION_MESSAGE;
}
