package dev.stevens.ingest.importers;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs every {@link ScheduledImporter} on its fixed delay (a slow run delays the next one instead
 * of piling up). Off with {@code stevens.ingest.importers.schedule-enabled=false}; the importers
 * can still be run directly.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
        name = "stevens.ingest.importers.schedule-enabled",
        havingValue = "true",
        matchIfMissing = true)
class ImporterScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ImporterScheduling.class);

    private final List<ScheduledImporter> importers;

    ImporterScheduling(List<ScheduledImporter> importers) {
        this.importers = importers;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        for (ScheduledImporter importer : importers) {
            registrar.addFixedDelayTask(
                    new FixedDelayTask(
                            () -> runSafely(importer),
                            importer.interval(),
                            importer.initialDelay()));
        }
    }

    private static void runSafely(ScheduledImporter importer) {
        try {
            importer.runAll();
        } catch (RuntimeException e) {
            // a scheduled task that throws is not run again by some schedulers; keep ours alive
            log.error("{} run failed at {}", importer.getClass().getSimpleName(), Instant.now(), e);
        }
    }
}
