package dev.stevens.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope every event carries, with CloudEvents attribute names. Producers also copy these
 * into {@code ce_*} record headers so tools can route and log without parsing the value.
 */
public interface StevensEvent {

    UUID id();

    String type();

    String source();

    Instant time();

    UUID household();

    int schemaVersion();
}
