package dev.stevens.memory.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.memory.MemoryServiceTest;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An import batch waits out an outage but never a bad record: how the two are told apart. */
@MemoryServiceTest
class DatabaseProbeTest {

    @Autowired DatabaseProbe database;

    @Test
    void aFailureWhileTheDatabaseAnswersIsNotAnOutage() {
        assertThat(database.isOutage(new IllegalStateException("Unable to rollback"))).isFalse();
    }

    @Test
    void aFailureThatNamesALostConnectionIsAnOutageWhateverTheDatabaseSaysNow() {
        var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(database.isOutage(new RuntimeException(lost))).isTrue();
    }
}
