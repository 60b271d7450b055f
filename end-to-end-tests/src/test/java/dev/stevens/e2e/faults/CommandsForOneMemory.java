package dev.stevens.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.Topics;
import dev.stevens.launcher.StevensServices;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Memory commands for one memory of the demo household, published as the dashboard API and chat
 * publish them (keyed by household), and that memory as memory-service's database holds it.
 */
final class CommandsForOneMemory {

    private static final String COMMANDS_GROUP = "memory-service-commands";

    private final String bootstrap;
    private final JdbcTemplate memoryDb;
    private final String household;
    private final UUID memory = UUID.randomUUID();
    private TopicPartition partition;

    CommandsForOneMemory(String bootstrap, StevensServices stevens, String household) {
        this.bootstrap = bootstrap;
        this.memoryDb = new JdbcTemplate(stevens.memoryContext().getBean(DataSource.class));
        this.household = household;
    }

    UUID memory() {
        return memory;
    }

    /** Publishes a command with new text for the memory; answers the command's id. */
    UUID send(MemoryCommandIssued.Action action, String text) {
        var command =
                MemoryCommandIssued.of(
                        UUID.randomUUID(),
                        "/poison-records-test",
                        Instant.now(),
                        UUID.fromString(household),
                        new MemoryCommandIssued.Data(
                                action,
                                memory,
                                text,
                                ImportLoad.day(),
                                List.of(),
                                "test:operator",
                                null));
        var written =
                Evidence.write(
                        bootstrap,
                        Topics.MEMORY_COMMANDS,
                        household,
                        Evidence.json.writeValueAsBytes(command));
        partition = new TopicPartition(written.topic(), written.partition());
        return command.id();
    }

    /** The memory's version; 0 while it does not exist. */
    long version() {
        return memoryDb.queryForObject(
                "select coalesce(max(version), 0) from memories where id = ?", Long.class, memory);
    }

    String text() {
        return memoryDb.queryForObject(
                "select text from memories where id = ?", String.class, memory);
    }

    /** How many changes the memory's history records. */
    int revisions() {
        return memoryDb.queryForObject(
                "select count(*) from memory_revisions where memory_id = ?", Integer.class, memory);
    }

    /**
     * Waits until memory-service has processed every record now in the commands partition, so a
     * replay sent before this call has been applied, ignored or dead-lettered by then.
     */
    void awaitProcessedToTheEnd() {
        long end = Evidence.endOffset(bootstrap, partition);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () ->
                                assertThat(
                                                Evidence.committedOffsets(
                                                        bootstrap,
                                                        Set.of(COMMANDS_GROUP),
                                                        partition))
                                        .hasEntrySatisfying(
                                                COMMANDS_GROUP,
                                                next ->
                                                        assertThat(next)
                                                                .isGreaterThanOrEqualTo(end)));
    }
}
