package dev.stevens.memory.api;

import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The API's real queries outside Spring, for the benchmark. */
public final class BenchQueries {

    private final MemoryQueries queries;

    public BenchQueries(JdbcClient jdbc) {
        this.queries = new MemoryQueries(jdbc);
    }

    public int dateWindow(UUID household, LocalDate from, LocalDate to) {
        var filter = new MemoryFilter(from, to, null, null, null, null, false, false);
        return queries.list(household, filter, false, null, 51).size();
    }

    public int fullText(UUID household, String q) {
        var filter = new MemoryFilter(null, null, null, null, null, q, false, false);
        return queries.list(household, filter, queries.searchable(q), null, 51).size();
    }
}
