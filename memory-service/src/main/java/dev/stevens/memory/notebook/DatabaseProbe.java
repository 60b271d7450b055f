package dev.stevens.memory.notebook;

import dev.stevens.support.kafka.DeadLetters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells an outage from a bad record when a failure's own exception cannot: when a connection dies
 * mid-transaction, the failed rollback's exception replaces the one that said so, and its shape
 * depends on the driver, the pool and the JPA provider. Asking the database is the reliable test.
 */
@Component
class DatabaseProbe {

    private final JdbcClient jdbc;

    DatabaseProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the failure says so itself, or when the database does not answer right now. */
    boolean isOutage(RuntimeException failure) {
        return DeadLetters.isInfrastructureOutage(failure) || !answers();
    }

    private boolean answers() {
        try {
            return jdbc.sql("select 1").query(Integer.class).single() == 1;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }
}
