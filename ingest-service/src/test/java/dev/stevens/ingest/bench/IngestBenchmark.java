package dev.stevens.ingest.bench;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.ImportReceived;
import dev.stevens.events.Topics;
import dev.stevens.infra.KafkaKraftBroker;
import dev.stevens.ingest.IngestServiceApplication;
import dev.stevens.support.security.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: ingest throughput and latency against a real in-process KRaft broker.
 *
 * <ol>
 *   <li>raw: Kafka's own producer sends 1 KB import events (acks=all, idempotent) to
 *       stevens.imports.v1;
 *   <li>batch: the same events POSTed to /api/v1/imports/batch (1000 per request, 4 clients);
 *   <li>single: one event per POST at 1, 16 and 64 concurrent clients: throughput, p50, p99.
 * </ol>
 *
 * Producer settings are the same for both paths (linger 5 ms, batch 64 KB). Client, service and
 * broker share the machine. Run with {@code bench/ingest-throughput.sh}.
 */
public final class IngestBenchmark {

    private static final int RAW_EVENTS = 300_000;
    private static final int BATCH_SIZE = 1000;
    private static final int BATCH_CLIENTS = 4;
    private static final int BATCH_REQUESTS = 200;
    private static final Duration SINGLE_PHASE = Duration.ofSeconds(15);
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    public static void main(String[] args) throws Exception {
        try (KafkaKraftBroker broker = KafkaKraftBroker.temporary().start()) {
            ConfigurableApplicationContext app = startService(broker.bootstrapServers());
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                JsonMapper json = app.getBean(JsonMapper.class);
                UUID household = UUID.randomUUID();
                String token = registerHousehold(broker.bootstrapServers(), json, household);
                awaitToken(port, token);
                String text = textForOneKilobyteRecord(json, household);

                double raw = rawProducer(broker.bootstrapServers(), json, household, text);
                double batch = httpBatches(port, token, text);
                System.out.printf(
                        "RESULT batch-http events/s=%.0f raw-producer events/s=%.0f ratio=%.0f%%%n",
                        batch, raw, 100 * batch / raw);
                for (int clients : new int[] {1, 16, 64}) {
                    singlePosts(port, token, text, clients);
                }
            } finally {
                app.close();
            }
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext startService(String bootstrap) {
        return new SpringApplicationBuilder(IngestServiceApplication.class)
                .properties(
                        Map.of(
                                "spring.kafka.bootstrap-servers", bootstrap,
                                "server.port", "0",
                                "stevens.ingest.rate-limit.enabled", "false",
                                "stevens.http.max-body-size", "16MB",
                                "spring.kafka.producer.batch-size", "65536",
                                "spring.kafka.producer.properties.linger.ms", "5",
                                "logging.level.root", "WARN"))
                .run();
    }

    private static String registerHousehold(String bootstrap, JsonMapper json, UUID household)
            throws Exception {
        String token = ApiTokens.generate();
        var settings =
                new HouseholdSettingsChanged.Settings(
                        "bench",
                        "UTC",
                        LocalTime.of(7, 0),
                        "Sir",
                        List.of(),
                        List.of(),
                        List.of(
                                new HouseholdSettingsChanged.ApiToken(
                                        ApiTokens.sha256Hex(token), List.of("imports:write"))),
                        1);
        var event =
                HouseholdSettingsChanged.of(UUID.randomUUID(), Instant.now(), household, settings);
        try (var producer = producer(bootstrap)) {
            producer.send(
                            new ProducerRecord<>(
                                    Topics.HOUSEHOLDS,
                                    household.toString(),
                                    json.writeValueAsBytes(event)))
                    .get(30, TimeUnit.SECONDS);
        }
        return token;
    }

    private static void awaitToken(int port, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (post(port, "/api/v1/imports", token, "{\"source\":\"bench\",\"text\":\"warm\"}")
                    == 202) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the service never accepted the bench token");
    }

    /** Pads the event text so that the JSON record on the topic is about 1 KB. */
    private static String textForOneKilobyteRecord(JsonMapper json, UUID household) {
        String probe = "x";
        int size = json.writeValueAsBytes(event(household, probe)).length;
        return "x".repeat(Math.max(1, 1024 - size + 1));
    }

    private static ImportReceived event(UUID household, String text) {
        return ImportReceived.of(
                UUID.randomUUID(),
                "/ingest/api",
                Instant.now(),
                household,
                new ImportReceived.Data("bench", text, null, null, null, null));
    }

    private static double rawProducer(
            String bootstrap, JsonMapper json, UUID household, String text) throws Exception {
        try (var producer = producer(bootstrap)) {
            for (int round = 0; round < 2; round++) { // the first round warms up
                long start = System.nanoTime();
                List<Future<?>> acks = new ArrayList<>(RAW_EVENTS);
                for (int i = 0; i < RAW_EVENTS; i++) {
                    // serializing each event is part of the work, as in the service
                    byte[] value = json.writeValueAsBytes(event(household, text));
                    acks.add(
                            producer.send(
                                    new ProducerRecord<>(
                                            Topics.IMPORTS, household.toString(), value)));
                }
                for (Future<?> ack : acks) {
                    ack.get();
                }
                double rate = RAW_EVENTS / seconds(start);
                System.out.printf(
                        "raw producer round %d: %d events, %.0f events/s%n",
                        round, RAW_EVENTS, rate);
                if (round == 1) {
                    return rate;
                }
            }
        }
        throw new IllegalStateException();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        65536),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static double httpBatches(int port, String token, String text) throws Exception {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < BATCH_SIZE; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"source\":\"bench\",\"text\":\"")
                    .append(text)
                    .append("\"}");
        }
        String batch = body.append(']').toString();
        for (int round = 0; round < 2; round++) { // the first round warms up
            ExecutorService clients = Executors.newFixedThreadPool(BATCH_CLIENTS);
            AtomicLong left = new AtomicLong(BATCH_REQUESTS);
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < BATCH_CLIENTS; c++) {
                done.add(
                        clients.submit(
                                () -> {
                                    while (left.getAndDecrement() > 0) {
                                        int status =
                                                post(port, "/api/v1/imports/batch", token, batch);
                                        if (status != 202) {
                                            throw new IllegalStateException(
                                                    "batch answered " + status);
                                        }
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            double rate = (double) BATCH_REQUESTS * BATCH_SIZE / seconds(start);
            System.out.printf(
                    "http batch round %d: %d x %d events, %d clients, %.0f events/s%n",
                    round, BATCH_REQUESTS, BATCH_SIZE, BATCH_CLIENTS, rate);
            if (round == 1) {
                return rate;
            }
        }
        throw new IllegalStateException();
    }

    private static void singlePosts(int port, String token, String text, int clients)
            throws Exception {
        String body = "{\"source\":\"bench\",\"text\":\"" + text + "\"}";
        run(port, token, body, clients, WARM_UP);
        long[] latencies = run(port, token, body, clients, SINGLE_PHASE);
        Arrays.sort(latencies);
        System.out.printf(
                "RESULT single-post clients=%d requests/s=%.0f p50_ms=%.2f p99_ms=%.2f (n=%d)%n",
                clients,
                latencies.length / (double) SINGLE_PHASE.toSeconds(),
                percentile(latencies, 0.50) / 1e6,
                percentile(latencies, 0.99) / 1e6,
                latencies.length);
    }

    private static long[] run(int port, String token, String body, int clients, Duration length)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + length.toNanos();
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(
                    pool.submit(
                            () -> {
                                List<Long> mine = new ArrayList<>();
                                while (System.nanoTime() < end) {
                                    long start = System.nanoTime();
                                    int status = post(port, "/api/v1/imports", token, body);
                                    if (status != 202) {
                                        throw new IllegalStateException("answered " + status);
                                    }
                                    mine.add(System.nanoTime() - start);
                                }
                                return mine;
                            }));
        }
        List<Long> all = new ArrayList<>();
        for (var result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    private static int post(int port, String path, String token, String body) throws Exception {
        var request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private IngestBenchmark() {}
}
