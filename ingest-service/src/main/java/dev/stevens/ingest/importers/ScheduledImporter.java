package dev.stevens.ingest.importers;

import java.time.Duration;

/** An importer that runs for every household on a fixed delay. */
public interface ScheduledImporter {

    Duration interval();

    Duration initialDelay();

    /** One run for every household that has this importer configured; never throws. */
    void runAll();
}
