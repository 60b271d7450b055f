package dev.stevens.e2e.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load of imports like a careful client sends them: {@code keys} memories (external keys), each
 * updated {@code versionsPerKey} times in order, each request with an {@code Idempotency-Key} and
 * retried with the same key until answered 202 — through broker and database outages. Every {@code
 * duplicateEvery}th request is sent a second time after its 202 (a client that did not see the
 * answer), so the same event id arrives twice.
 */
public final class ImportLoad {

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int ingestPort;
    private final String source;
    private final int keys;
    private final int versionsPerKey;
    private final int duplicateEvery;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public ImportLoad(
            int ingestPort, String source, int keys, int versionsPerKey, int duplicateEvery) {
        this.ingestPort = ingestPort;
        this.source = source;
        this.keys = keys;
        this.versionsPerKey = versionsPerKey;
        this.duplicateEvery = duplicateEvery;
    }

    public static LocalDate day() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(3);
    }

    public static String text(String source, int key, int version) {
        return source + " key " + key + " version " + version;
    }

    /** Starts {@code threads} clients, each owning a slice of the keys. */
    public List<Future<?>> start(ExecutorService pool, int threads) {
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            running.add(
                    pool.submit(
                            () -> {
                                for (int v = 1; v <= versionsPerKey; v++) {
                                    for (int k = slice; k < keys; k += threads) {
                                        send(k, v);
                                    }
                                }
                                return null;
                            }));
        }
        return running;
    }

    public int sent() {
        return sent.get();
    }

    public int duplicates() {
        return duplicates.get();
    }

    public int retries() {
        return retries.get();
    }

    public static ExecutorService pool(int threads) {
        return Executors.newFixedThreadPool(threads);
    }

    private void send(int key, int version) throws InterruptedException {
        String idempotencyKey = source + "-" + key + "-" + version;
        String body =
                "{\"source\":\""
                        + source
                        + "\",\"externalKey\":\"k"
                        + key
                        + "\",\"date\":\""
                        + day()
                        + "\",\"text\":\""
                        + text(source, key, version)
                        + "\"}";
        post(idempotencyKey, body);
        int n = sent.incrementAndGet();
        if (duplicateEvery > 0 && n % duplicateEvery == 0) {
            post(idempotencyKey, body);
            duplicates.incrementAndGet();
        }
    }

    private void post(String idempotencyKey, String body) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(120);
        while (true) {
            try {
                var response =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + ingestPort
                                                                + "/api/v1/imports"))
                                        .timeout(Duration.ofSeconds(15))
                                        .header("Authorization", "Bearer " + Stack.TOKEN)
                                        .header("Content-Type", "application/json")
                                        .header("Idempotency-Key", idempotencyKey)
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 202) {
                    return;
                }
                if (response.statusCode() < 500
                        && response.statusCode() != 429
                        && response.statusCode() != 401) {
                    throw new IllegalStateException(
                            "refused: " + response.statusCode() + " " + response.body());
                }
            } catch (java.io.IOException e) {
                // connection reset or timeout: retry with the same key
            }
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("no 202 within 120 s for " + idempotencyKey);
            }
            retries.incrementAndGet();
            Thread.sleep(100); // a client's retry pause, not a test wait
        }
    }
}
