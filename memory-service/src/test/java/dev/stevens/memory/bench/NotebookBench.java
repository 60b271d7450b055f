package dev.stevens.memory.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.stevens.events.ImportReceived;
import dev.stevens.events.StevensEvent;
import dev.stevens.infra.EmbeddedPostgresServer;
import dev.stevens.memory.api.BenchQueries;
import dev.stevens.memory.notebook.BenchNotebook;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark (not a test) of the notebook on a real embedded PostgreSQL: import apply rate against a
 * raw JDBC batch insert of the same rows, query latency with 1,000,000 memories across 1,000
 * households, and single-write latency at 10k and 1M memories. Run with bench/notebook.sh.
 */
public final class NotebookBench {

    static final int HOUSEHOLDS = 1000;
    static final int APPLY_EVENTS = 10_000;
    static final int BATCH = 500;
    static final int TOTAL = 1_000_000;
    static final String[] WORDS = {
        "dentist", "swimming", "piano", "rain", "sunny", "birthday", "school", "garden", "meeting",
        "football", "grandma", "doctor", "holiday", "train", "flight", "bins", "laundry", "dinner",
        "recital", "parcel", "invoice", "plumber", "homework", "vet", "concert", "library"
    };

    public static void main(String[] args) throws Exception {
        var random = new Random(42);
        try (var postgres = EmbeddedPostgresServer.temporary().start();
                var ds = new HikariDataSource()) {
            postgres.createDatabaseIfMissing("bench");
            ds.setJdbcUrl(postgres.jdbcUrl("bench"));
            ds.setUsername(postgres.username());
            ds.setPassword(postgres.password());
            ds.setMaximumPoolSize(4);
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration/memory")
                    .load()
                    .migrate();
            var jdbc = JdbcClient.create(ds);
            var tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            var notebook =
                    new BenchNotebook(
                            jdbc,
                            new NamedParameterJdbcTemplate(ds),
                            JsonMapper.builder().build(),
                            tx);
            List<UUID> households = new ArrayList<>();
            for (int i = 0; i < HOUSEHOLDS; i++) {
                UUID h = UUID.randomUUID();
                households.add(h);
                jdbc.sql(
                                "insert into households (id, name, time_zone, brief_time, form_of_address, version, created_at, updated_at) values (?, 'h', 'UTC', '07:30', 'Sir', 0, now(), now())")
                        .param(h)
                        .update();
            }
            System.out.printf(
                    "machine: %d cores, JDK %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

            // 1. apply rate (idempotency, upsert, revision and outbox on) vs raw JDBC batch insert
            List<ImportReceived> events = new ArrayList<>();
            for (int i = 0; i < APPLY_EVENTS; i++) {
                events.add(event(households.get(i % HOUSEHOLDS), "calendar", "k-" + i, random));
            }
            warmUp(notebook, households, random);
            long start = System.nanoTime();
            for (int i = 0; i < events.size(); i += BATCH) {
                notebook.apply(
                        new ArrayList<StevensEvent>(
                                events.subList(i, Math.min(events.size(), i + BATCH))));
            }
            double applySeconds = (System.nanoTime() - start) / 1e9;
            jdbc.sql("create table memories_raw (like memories including all)").update();
            start = System.nanoTime();
            rawInsert(ds, events);
            double rawSeconds = (System.nanoTime() - start) / 1e9;
            double applyRate = APPLY_EVENTS / applySeconds, rawRate = APPLY_EVENTS / rawSeconds;
            System.out.printf(
                    "apply: %,d events in %.2fs = %,.0f/s; raw JDBC batch insert: %.2fs = %,.0f/s; ratio %.0f%%%n",
                    APPLY_EVENTS,
                    applySeconds,
                    applyRate,
                    rawSeconds,
                    rawRate,
                    100 * applyRate / rawRate);
            jdbc.sql("vacuum analyze memories").update();
            long count = jdbc.sql("select count(*) from memories").query(Long.class).single();
            latency(
                    "write latency (one import, own transaction) at " + count + " memories",
                    300,
                    () -> {
                        notebook.apply(
                                List.of(
                                        event(
                                                households.get(random.nextInt(HOUSEHOLDS)),
                                                "note",
                                                null,
                                                random)));
                        return 1;
                    });

            // 2. grow to 1M memories (generate_series, bypassing the apply path)
            start = System.nanoTime();
            jdbc.sql(
                            "create temporary table bench_households as select id, row_number() over () as n from households")
                    .update();
            jdbc.sql(
                            """
                    insert into memories (id, household_id, source, external_key, memory_date, text, tags, version, deleted, created_at, updated_at, last_event_id, last_actor)
                    select gen_random_uuid(), h.id, (array['calendar','weather','mail','note'])[1 + g % 4], 'bulk-' || g,
                        case when g % 5 = 0 then null else date '2026-01-01' + (g % 730) end,
                        (select string_agg(w, ' ') from (select (array['dentist','swimming','piano','rain','sunny','birthday','school','garden','meeting','football','grandma','doctor','holiday','train','flight','bins','laundry','dinner','recital','parcel','invoice','plumber','homework','vet','concert','library'])[1 + ((g * 7 + k * 13) % 26)] as w from generate_series(1, 8) k) words) || ' #' || g,
                        '{}', 1, false, now() - (g % 365) * interval '1 day', now(), gen_random_uuid(), 'bulk'
                    from generate_series(1, :n) g join bench_households h on h.n = 1 + g % 1000
                    """)
                    .param("n", TOTAL - (int) count)
                    .update();
            jdbc.sql("vacuum analyze memories").update();
            count = jdbc.sql("select count(*) from memories").query(Long.class).single();
            System.out.printf(
                    "bulk load to %,d memories: %.1fs%n", count, (System.nanoTime() - start) / 1e9);

            latency(
                    "write latency (one import, own transaction) at " + count + " memories",
                    300,
                    () -> {
                        notebook.apply(
                                List.of(
                                        event(
                                                households.get(random.nextInt(HOUSEHOLDS)),
                                                "note",
                                                null,
                                                random)));
                        return 1;
                    });
            var queries = new BenchQueries(jdbc);
            latency(
                    "date-window query (30 days, first page of 50)",
                    500,
                    () -> {
                        LocalDate from = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(700));
                        return queries.dateWindow(
                                households.get(random.nextInt(HOUSEHOLDS)),
                                from,
                                from.plusDays(30));
                    });
            latency(
                    "full-text query (one word, ranked, snippets, first page of 50)",
                    500,
                    () ->
                            queries.fullText(
                                    households.get(random.nextInt(HOUSEHOLDS)),
                                    WORDS[random.nextInt(WORDS.length)]));
            latency(
                    "full-text query (two words)",
                    500,
                    () ->
                            queries.fullText(
                                    households.get(random.nextInt(HOUSEHOLDS)),
                                    WORDS[random.nextInt(WORDS.length)]
                                            + " "
                                            + WORDS[random.nextInt(WORDS.length)]));
        }
    }

    private static void warmUp(BenchNotebook notebook, List<UUID> households, Random random) {
        for (int round = 0; round < 5; round++) {
            List<StevensEvent> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(
                        event(households.get(random.nextInt(HOUSEHOLDS)), "warmup", null, random));
            }
            notebook.apply(batch);
        }
    }

    private static ImportReceived event(UUID household, String source, String key, Random random) {
        String text =
                WORDS[random.nextInt(WORDS.length)]
                        + " "
                        + WORDS[random.nextInt(WORDS.length)]
                        + " at "
                        + random.nextInt(24);
        return ImportReceived.of(
                UUID.randomUUID(),
                "/bench",
                Instant.now(),
                household,
                new ImportReceived.Data(
                        source,
                        text,
                        key,
                        LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)),
                        List.of("bench"),
                        null));
    }

    /** The same rows as plain INSERTs, JDBC-batched 500 per commit: the ceiling to compare with. */
    private static void rawInsert(HikariDataSource ds, List<ImportReceived> events)
            throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var ps =
                    c.prepareStatement(
                            "insert into memories_raw (id, household_id, source, external_key, memory_date, text, tags, version, deleted, created_at, updated_at, last_event_id) values (?, ?, ?, ?, ?, ?, ?, 1, false, ?, ?, ?)")) {
                for (int i = 0; i < events.size(); i++) {
                    var e = events.get(i);
                    var now = Timestamp.from(Instant.now());
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, e.household());
                    ps.setString(3, e.data().source());
                    ps.setString(4, e.data().externalKey());
                    ps.setObject(5, e.data().date());
                    ps.setString(6, e.data().text());
                    ps.setArray(7, c.createArrayOf("text", e.data().tags().toArray()));
                    ps.setTimestamp(8, now);
                    ps.setTimestamp(9, now);
                    ps.setObject(10, e.id());
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i == events.size() - 1) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }

    private static void latency(String what, int samples, IntSupplier operation) {
        for (int i = 0; i < 30; i++) {
            operation.getAsInt();
        }
        long[] nanos = new long[samples];
        long rows = 0;
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            rows += operation.getAsInt();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "%s: p50 %.2f ms, p95 %.2f ms, max %.2f ms (%d samples, avg %.1f rows)%n",
                what,
                nanos[samples / 2] / 1e6,
                nanos[(int) (samples * 0.95)] / 1e6,
                nanos[samples - 1] / 1e6,
                samples,
                rows / (double) samples);
    }
}
