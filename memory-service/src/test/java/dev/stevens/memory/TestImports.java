package dev.stevens.memory;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Produces import events the way ingest-service does: JSON, keyed by household. */
public final class TestImports {

    private final JsonMapper json;

    public TestImports(JsonMapper json) {
        this.json = json;
    }

    public static ImportReceived event(
            UUID household,
            String source,
            String externalKey,
            LocalDate date,
            String text,
            String... tags) {
        return ImportReceived.of(
                UUID.randomUUID(),
                "/ingest/test",
                Instant.now(),
                household,
                new ImportReceived.Data(source, text, externalKey, date, List.of(tags), null));
    }

    public ImportReceived send(ImportReceived event) {
        TestKafka.send(Topics.IMPORTS, event.household().toString(), json.writeValueAsBytes(event));
        return event;
    }

    public ImportReceived send(UUID household, String text) {
        return send(event(household, "note", null, null, text));
    }
}
