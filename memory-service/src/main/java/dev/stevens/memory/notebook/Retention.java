package dev.stevens.memory.notebook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Archives (never deletes) memories past their source's retention, as a new version with a revision
 * and a changelog snapshot, so briefing drops them and the dashboard still finds them with {@code
 * includeArchived=true}. Rows are taken with {@code SKIP LOCKED}: several instances share the work.
 */
@Component
public class Retention implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final MemoryStore memories;
    private final MemoryChangelog changelog;
    private final TransactionTemplate transactions;
    private final RetentionProperties properties;

    Retention(
            JdbcClient jdbc,
            MemoryStore memories,
            MemoryChangelog changelog,
            TransactionTemplate transactions,
            RetentionProperties properties) {
        this.jdbc = jdbc;
        this.memories = memories;
        this.changelog = changelog;
        this.transactions = transactions;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(this::archiveQuietly, properties.interval());
        }
    }

    private void archiveQuietly() {
        try {
            int archived = archiveDue(LocalDate.now(Clock.systemUTC()));
            if (archived > 0) {
                log.info("Retention archived {} memories", archived);
            }
        } catch (RuntimeException e) {
            log.warn("Retention run failed; will retry: {}", e.toString());
        }
    }

    /** Archives everything due on {@code today}; returns how many memories it archived. */
    public int archiveDue(LocalDate today) {
        int total = 0;
        for (Map.Entry<String, Duration> rule : properties.rules().entrySet()) {
            LocalDate cutoff = today.minusDays(rule.getValue().toDays());
            int archived;
            do {
                archived = transactions.execute(status -> archiveBatch(rule.getKey(), cutoff));
                total += archived;
            } while (archived == properties.batchSize());
        }
        return total;
    }

    private int archiveBatch(String source, LocalDate cutoff) {
        List<Memory> due =
                jdbc.sql(
                                "select "
                                        + MemoryStore.COLUMNS
                                        + """
                                         from memories where source = :source
                                            and not archived and not deleted
                                            and coalesce(memory_date, cast(created_at as date))
                                                < :cutoff
                                        order by id limit :limit for update skip locked
                                        """)
                        .param("source", source)
                        .param("cutoff", cutoff)
                        .param("limit", properties.batchSize())
                        .query(MemoryStore::map)
                        .list();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Memory> archived =
                due.stream()
                        .map(
                                memory ->
                                        memory.archivedBy(
                                                new Memory.Change(
                                                        eventId(memory),
                                                        "retention:" + source,
                                                        now)))
                        .toList();
        archived.forEach(memories::update);
        changelog.recordAll(archived);
        return archived.size();
    }

    /** Deterministic: archiving one version is one event. */
    private static UUID eventId(Memory memory) {
        return UUID.nameUUIDFromBytes(
                ("retention:" + memory.id() + ":" + memory.version())
                        .getBytes(StandardCharsets.UTF_8));
    }
}
