package dev.stevens.e2e.bench;

import dev.stevens.events.Topics;
import dev.stevens.infra.EmbeddedPostgresServer;
import dev.stevens.infra.KafkaKraftBroker;
import dev.stevens.launcher.ServicePorts;
import dev.stevens.launcher.StevensServices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * End-to-end load tool (issue 7), not a test: starts the whole stack as README command 1 does (the
 * three services in this JVM on an embedded KRaft broker and an embedded PostgreSQL), drives {@code
 * POST /api/v1/imports} at a target rate with N client threads, and measures POST → memory visible:
 * the time from the start of the POST until memory-service's changelog ({@code
 * stevens.memories.v1}, written after the notebook's transaction commits) carries the memory.
 * Phases: 100/s, 1,000/s, then rising (or, when 1,000/s is too much, falling) rates to find the
 * highest that is sustained: achieved ≥ 95% of the target, everything visible, p99 < 2 s. Also
 * samples the PSS/RSS of this JVM and of the PostgreSQL processes under load.
 *
 * <p>Args: {@code [seconds-per-phase=20] [client-threads=48] [one-jvm|per-service]}: {@code
 * per-service} runs each service as its own process from its executable jar (as a deployment does)
 * and reports each one's memory too. Prints lines starting with RESULT.
 */
public final class EndToEndBenchmark {

    private static final String TOKEN = "stv_bench-token-0123456789abcdefghijklmnopqrstuv";
    private static final Pattern MARK = Pattern.compile("e2ebench-(\\d+)x");
    private static final int CAPACITY = 2_000_000;
    private static final double SUSTAINABLE_P99_MS = 2_000;

    private final AtomicLongArray sentAt = new AtomicLongArray(CAPACITY);
    private final AtomicLongArray seenAt = new AtomicLongArray(CAPACITY);
    private final AtomicInteger nextSeq = new AtomicInteger();
    private volatile boolean running = true;
    private ServiceProcesses processes;

    public static void main(String[] args) throws Exception {
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 48;
        boolean perService = args.length > 2 && args[2].equals("per-service");
        new EndToEndBenchmark().run(seconds, threads, perService);
        System.exit(0);
    }

    private void run(int seconds, int threads, boolean perService) throws Exception {
        Path home = Files.createTempDirectory("stevens-e2e-bench");
        var broker = new KafkaKraftBroker(home.resolve("kafka"), freePort());
        var postgres = new EmbeddedPostgresServer(home.resolve("postgres"), freePort());
        broker.start();
        postgres.start();
        // Ctrl-C must not leave a PostgreSQL server behind
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    postgres.stop();
                                    broker.stop();
                                }));
        postgres.createDatabaseIfMissing("stevens_memory");
        postgres.createDatabaseIfMissing("stevens_briefing");
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        shared.put("stevens.demo.enabled", "true");
        shared.put("stevens.demo.token", TOKEN);
        shared.put("stevens.demo.password", "bench-password-" + UUID.randomUUID());
        shared.put("stevens.demo.time-zone", "UTC");
        // one household at thousands of events/s: far above its normal limit
        shared.put("stevens.ingest.rate-limit.requests-per-second", "1000000");
        shared.put("stevens.ingest.rate-limit.burst", "1000000");
        long startNanos = System.nanoTime();
        StevensServices services = null;
        int ingestPort;
        if (perService) {
            processes =
                    ServiceProcesses.start(
                            ServiceProcesses.byModule(
                                    withDatabase(shared, postgres, "stevens_memory"),
                                    withDatabase(shared, postgres, "stevens_briefing"),
                                    withPort(shared)),
                            home);
            ingestPort = processes.port("ingest-service");
        } else {
            services =
                    StevensServices.start(
                            shared,
                            postgres.jdbcUrl("stevens_memory"),
                            postgres.jdbcUrl("stevens_briefing"),
                            postgres.username(),
                            postgres.password(),
                            ServicePorts.RANDOM);
            ingestPort = services.ingestPort();
        }
        System.out.printf(
                "RESULT stack ready in %.1f s (%s)%n",
                (System.nanoTime() - startNanos) / 1e9,
                perService ? "one process per service" : "three services in this JVM");
        Thread watcher = new Thread(() -> watch(broker.bootstrapServers()), "changelog-watcher");
        watcher.start();
        var clients = new ImportClients(ingestPort, TOKEN, threads);
        try {
            clients.awaitAccepted(Duration.ofSeconds(60));
            // warm-up: JIT, connection pools, topic metadata
            phase("warm-up", clients, 200, 10, false, home);
            phase("100/s", clients, 100, seconds, true, home);
            boolean kept = phase("1000/s", clients, 1000, seconds, true, home);
            // the maximum sustainable rate: upwards from 1,000/s while it keeps up, else downwards
            int[] rates = kept ? new int[] {1500, 2000, 3000, 4000} : new int[] {750, 500, 250};
            for (int rate : rates) {
                boolean ok = phase(rate + "/s", clients, rate, seconds, true, home);
                if (kept != ok) {
                    break;
                }
            }
        } finally {
            running = false;
            watcher.join();
            clients.close();
            if (services != null) {
                services.close();
            }
            if (processes != null) {
                processes.close();
            }
            broker.stop();
            postgres.stop();
        }
    }

    /** Returns whether the stack kept up with the rate. */
    private boolean phase(
            String name, ImportClients clients, int rate, int seconds, boolean report, Path home)
            throws Exception {
        int first = nextSeq.get();
        int count = rate * seconds;
        nextSeq.addAndGet(count);
        long start = System.nanoTime() + 50_000_000L;
        long[] memory = new long[4];
        StringBuilder perProcess = new StringBuilder();
        Thread sampler =
                new Thread(
                        () -> {
                            LockSupport.parkNanos(
                                    start + seconds * 600_000_000L - System.nanoTime());
                            long[] sample = Resources.sample(home);
                            System.arraycopy(sample, 0, memory, 0, 4);
                            if (processes != null) {
                                for (var service : processes.services()) {
                                    long pid = service.process().pid();
                                    perProcess.append(
                                            " %s_pss=%dMB %s_rss=%dMB"
                                                    .formatted(
                                                            service.name(),
                                                            Resources.pss(pid) / 1024,
                                                            service.name(),
                                                            Resources.rss(pid) / 1024));
                                }
                            }
                        });
        sampler.start();
        clients.send(first, count, rate, start, sentAt);
        long sendEnd = System.nanoTime();
        double achieved = count / ((sendEnd - start) / 1e9);
        long drainDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int missing = count;
        while (System.nanoTime() < drainDeadline) {
            missing = 0;
            for (int i = first; i < first + count; i++) {
                if (seenAt.get(i) == 0) {
                    missing++;
                }
            }
            if (missing == 0) {
                break;
            }
            LockSupport.parkNanos(200_000_000L);
        }
        sampler.join();
        long[] latencies = new long[count - missing];
        int n = 0;
        for (int i = first; i < first + count; i++) {
            if (seenAt.get(i) != 0) {
                latencies[n++] = seenAt.get(i) - sentAt.get(i);
            }
        }
        Arrays.sort(latencies);
        if (report) {
            System.out.printf(
                    "RESULT phase=%s target=%d/s achieved=%.0f/s events=%d not_visible_after_30s=%d"
                            + " p50=%.1fms p99=%.1fms max=%.1fms refused=%d"
                            + " jvm_pss=%dMB jvm_rss=%dMB postgres_pss=%dMB postgres_rss=%dMB%s%n",
                    name,
                    rate,
                    achieved,
                    count,
                    missing,
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    percentile(latencies, 1.0),
                    clients.refused(),
                    memory[0] / 1024,
                    memory[1] / 1024,
                    memory[2] / 1024,
                    memory[3] / 1024,
                    perProcess);
        }
        // sustainable: the clients reached the rate and the notebook kept up (no growing backlog)
        return missing == 0
                && achieved >= rate * 0.95
                && percentile(latencies, 0.99) < SUSTAINABLE_P99_MS;
    }

    private void watch(String bootstrap) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-bench-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.MEMORIES, Duration.ofSeconds(30))
                    .forEach(
                            p ->
                                    partitions.add(
                                            new TopicPartition(Topics.MEMORIES, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    if (record.value() == null) {
                        continue;
                    }
                    Matcher m = MARK.matcher(new String(record.value(), StandardCharsets.UTF_8));
                    if (m.find()) {
                        seenAt.compareAndSet(Integer.parseInt(m.group(1)), 0, now);
                    }
                }
            }
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static Map<String, String> withPort(Map<String, String> shared) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>(shared);
        properties.put("server.port", Integer.toString(freePort()));
        return properties;
    }

    private static Map<String, String> withDatabase(
            Map<String, String> shared, EmbeddedPostgresServer postgres, String database)
            throws Exception {
        Map<String, String> properties = withPort(shared);
        properties.put("spring.datasource.url", postgres.jdbcUrl(database));
        properties.put("spring.datasource.username", postgres.username());
        properties.put("spring.datasource.password", postgres.password());
        return properties;
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
