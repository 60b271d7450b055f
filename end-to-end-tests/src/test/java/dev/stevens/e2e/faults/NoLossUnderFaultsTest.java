package dev.stevens.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stevens.events.Topics;
import dev.stevens.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A load of imports (with duplicated event ids and malformed records mixed in) through a fault, and
 * afterwards: exactly one memory per key at its last version (no loss, no duplicate apply, no
 * reordering), every malformed record in the dead-letter topic with its reason, and the changelog
 * agreeing with the notebook. Runs on the embedded broker and database, which it stops and starts,
 * and memory-service in a child process, which it kills.
 */
class NoLossUnderFaultsTest {

    private static final int KEYS = 20;
    private static final int VERSIONS = 8;
    private static final int DUPLICATE_EVERY = 10;
    private static final int MALFORMED = 3;

    private static RealInfrastructure infra;
    private static Stack stack;
    private static String household;

    @BeforeAll
    static void start() throws SQLException {
        infra = RealInfrastructure.shared();
        assumeTrue(!infra.usesContainers(), "stops and starts the embedded broker and database");
        stack = Stack.start();
        household = queryForString("select id::text from households limit 1");
    }

    @AfterAll
    static void stop() {
        // memory-service is a child process: it must not outlive this class, pass or fail
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void memoryServiceKilledMidLoadAndStartedAgainLosesAndDuplicatesNothing() throws Exception {
        String source = "kill-memory";
        long[] appliedAtKill = new long[1];
        proveUnder(
                source,
                () -> {
                    stack.killMemory();
                    appliedAtKill[0] =
                            Long.parseLong(
                                    queryForString(
                                            "select coalesce(sum(version), 0)::text from memories"
                                                    + " where source = ?",
                                            source));
                    stack.startMemory();
                });
        // the kill hit a consumer with the load still to apply, not one that had finished it
        assertThat(appliedAtKill[0]).isLessThan((long) KEYS * VERSIONS);
    }

    @Test
    void brokerStoppedMidLoadAndStartedOnTheSameDataLosesAndDuplicatesNothing() throws Exception {
        var broker = infra.embeddedBroker().orElseThrow();
        proveUnder(
                "restart-broker",
                () -> {
                    broker.stop();
                    pause(Duration.ofSeconds(3));
                    broker.start();
                });
    }

    @Test
    void databaseDownForTenSecondsMidLoadConsumersBackOffAndIngestKeepsAccepting()
            throws Exception {
        var postgres = infra.embeddedPostgres().orElseThrow();
        ImportLoad[] during = new ImportLoad[1];
        proveUnder(
                "database-down",
                () -> {
                    postgres.stop();
                    // ingest needs no database: it keeps answering 202 while PostgreSQL is down
                    var probe = new ImportLoad(stack.ingestPort(), "database-down-probe", 3, 1, 0);
                    ExecutorService pool = ImportLoad.pool(1);
                    try {
                        long started = System.nanoTime();
                        probe.start(pool, 1).get(0).get(8, TimeUnit.SECONDS);
                        assertThat(Duration.ofNanos(System.nanoTime() - started))
                                .isLessThan(Duration.ofSeconds(8));
                    } finally {
                        pool.shutdownNow();
                    }
                    during[0] = probe;
                    pause(Duration.ofSeconds(10));
                    postgres.start();
                });
        assertThat(during[0].retries()).isZero();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(
                                                Evidence.memories(
                                                        stack.memoryPort(), "database-down-probe"))
                                        .hasSize(3));
    }

    interface Fault {
        void inject() throws Exception;
    }

    private static void proveUnder(String source, Fault fault) throws Exception {
        var load = new ImportLoad(stack.ingestPort(), source, KEYS, VERSIONS, DUPLICATE_EVERY);
        ExecutorService pool = ImportLoad.pool(4);
        try {
            List<Future<?>> clients = load.start(pool, 4);
            await().atMost(Duration.ofSeconds(30)).until(() -> load.sent() >= KEYS * 2);
            String marker = "malformed-" + source;
            Evidence.writeMalformed(
                    infra.bootstrapServers(), Topics.IMPORTS, household, marker, MALFORMED);
            fault.inject();
            for (Future<?> client : clients) {
                client.get(120, TimeUnit.SECONDS);
            }
            assertThat(load.sent()).isEqualTo(KEYS * VERSIONS);
            assertThat(load.duplicates()).isEqualTo(KEYS * VERSIONS / DUPLICATE_EVERY);

            // exactly one memory per key, at its last version: nothing lost, nothing applied twice,
            // nothing applied out of order
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(
                            () -> {
                                List<JsonNode> memories =
                                        Evidence.memories(stack.memoryPort(), source);
                                assertThat(memories).hasSize(KEYS);
                                for (JsonNode memory : memories) {
                                    int key =
                                            Integer.parseInt(
                                                    memory.path("externalKey")
                                                            .asString()
                                                            .substring(1));
                                    assertThat(memory.path("text").asString())
                                            .isEqualTo(ImportLoad.text(source, key, VERSIONS));
                                    assertThat(memory.path("version").asLong())
                                            .as("versions of key %s", key)
                                            .isEqualTo(VERSIONS);
                                }
                            });

            var deadLetters =
                    Evidence.readAll(infra.bootstrapServers(), Topics.deadLetterOf(Topics.IMPORTS))
                            .stream()
                            .filter(
                                    r ->
                                            r.value() != null
                                                    && new String(r.value()).contains(marker))
                            .toList();
            // dead-lettering is at-least-once: a kill between the dead-letter write and the offset
            // commit writes it again, so count the original records, not the copies
            assertThat(
                            deadLetters.stream()
                                    .map(
                                            r ->
                                                    java.util.Arrays.toString(
                                                            r.headers()
                                                                    .lastHeader(
                                                                            "kafka_dlt-original-offset")
                                                                    .value()))
                                    .distinct())
                    .hasSize(MALFORMED);
            assertThat(deadLetters)
                    .allSatisfy(
                            r ->
                                    assertThat(Evidence.header(r, "kafka_dlt-exception-message"))
                                            .isNotBlank());

            // the changelog's latest snapshot of every memory is what the notebook holds
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> {
                                Map<String, JsonNode> latest =
                                        Evidence.latestSnapshots(
                                                infra.bootstrapServers(), Topics.MEMORIES);
                                Map<String, String> api =
                                        Evidence.memories(stack.memoryPort(), source).stream()
                                                .collect(
                                                        Collectors.toMap(
                                                                m -> m.path("id").asString(),
                                                                m ->
                                                                        m.path("version").asLong()
                                                                                + " "
                                                                                + m.path("text")
                                                                                        .asString()));
                                Map<String, String> changelog =
                                        api.keySet().stream()
                                                .collect(
                                                        Collectors.toMap(
                                                                id -> id,
                                                                id -> snapshot(latest.get(id))));
                                assertThat(changelog).isEqualTo(api);
                            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static String snapshot(JsonNode event) {
        if (event == null) {
            return "missing";
        }
        JsonNode data = event.path("data");
        return data.path("version").asLong() + " " + data.path("text").asString();
    }

    /** The first column of the first row, read on memory-service's database with plain JDBC. */
    private static String queryForString(String sql, String... params) throws SQLException {
        var database = stack.memoryDatabase();
        try (Connection connection =
                        DriverManager.getConnection(
                                database.jdbcUrl(), database.username(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return rows.getString(1);
            }
        }
    }

    /** Keeps a fault in place for a while (the outage itself, not a wait for a result). */
    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
