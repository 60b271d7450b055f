package dev.stevens.memory.notebook;

import dev.stevens.events.StevensEvent;
import dev.stevens.memory.outbox.BenchOutbox;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The real import apply path (upserts, revisions, outbox) wired by hand, for the benchmark. */
public final class BenchNotebook {

    private final ImportApplier applier;
    private final TransactionTemplate transactions;

    public BenchNotebook(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            JsonMapper json,
            TransactionTemplate tx) {
        var store = new MemoryStore(jdbc);
        var changelog = new MemoryChangelog(named, BenchOutbox.create(jdbc, json, named));
        this.applier = new ImportApplier(store, new ImportUpserts(jdbc, json), changelog);
        this.transactions = tx;
    }

    /** Exactly what the batch listener does for a batch of valid events. */
    public void apply(List<StevensEvent> batch) {
        transactions.executeWithoutResult(
                status -> {
                    if (applier.firstRejected(batch).isPresent()) {
                        throw new IllegalStateException("bench events must be valid");
                    }
                    applier.apply(batch);
                });
    }
}
