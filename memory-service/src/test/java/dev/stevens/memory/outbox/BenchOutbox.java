package dev.stevens.memory.outbox;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Builds the real outbox outside Spring, for the benchmark. */
public final class BenchOutbox {

    private BenchOutbox() {}

    public static Outbox create(
            JdbcClient jdbc, JsonMapper json, NamedParameterJdbcTemplate batch) {
        // no relay runs in the benchmark: its wake-ups go nowhere
        return new Outbox(jdbc, json, batch, new RelaySignal());
    }
}
