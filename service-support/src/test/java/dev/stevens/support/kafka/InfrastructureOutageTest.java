package dev.stevens.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/**
 * An outage is waited out; anything else is the record's fault and goes to the dead-letter topic.
 * Telling them apart decides whether a good record can be dead-lettered during a database restart.
 */
class InfrastructureOutageTest {

    @Test
    void aConnectionThatBrokeMidQueryIsAnOutage() {
        var io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DeadLetters.isInfrastructureOutage(runtime(runtime(io)))).isTrue();
    }

    @Test
    void theServerShuttingDownIsAnOutage() {
        var shutdown =
                new SQLException("terminating connection due to administrator command", "57P01");
        assertThat(DeadLetters.isInfrastructureOutage(runtime(shutdown))).isTrue();
    }

    @Test
    void aFailedRollbackThatHidesABrokenConnectionIsAnOutage() {
        var rollback = new TransactionSystemException("Could not roll back JPA transaction");
        rollback.initApplicationException(runtime(runtime(new SQLException("I/O error", "08006"))));
        assertThat(DeadLetters.isInfrastructureOutage(rollback)).isTrue();
    }

    @Test
    void aConstraintViolationIsTheRecordsFaultNotAnOutage() {
        var duplicate = new SQLException("duplicate key value", "23505");
        assertThat(
                        DeadLetters.isInfrastructureOutage(
                                new DataIntegrityViolationException("dup", duplicate)))
                .isFalse();
        var rollback = new TransactionSystemException("Could not roll back");
        rollback.initApplicationException(new IllegalArgumentException("bad record"));
        assertThat(DeadLetters.isInfrastructureOutage(rollback)).isFalse();
    }

    private static RuntimeException runtime(Throwable cause) {
        return new RuntimeException(cause.getMessage(), cause);
    }
}
