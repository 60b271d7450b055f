package dev.stevens.e2e.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * N client threads, each sending single {@code POST /api/v1/imports} on a fixed schedule (event i
 * is due at start + i / rate); a thread that falls behind sends at once, so the achieved rate shows
 * when the stack (or the client machine) cannot keep up.
 */
final class ImportClients implements AutoCloseable {

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final URI uri;
    private final String token;
    private final int threads;
    private final ExecutorService pool;
    private final AtomicInteger refused = new AtomicInteger();
    private final String day = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    ImportClients(int ingestPort, String token, int threads) {
        this.uri = URI.create("http://localhost:" + ingestPort + "/api/v1/imports");
        this.token = token;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    int refused() {
        return refused.get();
    }

    void send(int first, int count, int rate, long startNanos, AtomicLongArray sentAt)
            throws Exception {
        double interval = 1e9 / rate;
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            running.add(
                    pool.submit(
                            () -> {
                                for (int i = slice; i < count; i += threads) {
                                    long due = startNanos + (long) (i * interval);
                                    long wait = due - System.nanoTime();
                                    if (wait > 0) {
                                        LockSupport.parkNanos(wait);
                                    }
                                    int seq = first + i;
                                    sentAt.set(seq, System.nanoTime());
                                    post(seq);
                                }
                                return null;
                            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
    }

    /** ingest answers 401 until it has read the demo household from stevens.households.v1. */
    void awaitAccepted(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (status("{\"source\":\"bench\",\"text\":\"Probe.\"}") != 202) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("ingest did not accept the demo token");
            }
            LockSupport.parkNanos(200_000_000L); // a client's retry pause
        }
    }

    private void post(int seq) {
        String body =
                "{\"source\":\"bench\",\"date\":\""
                        + day
                        + "\",\"text\":\"Load test event e2ebench-"
                        + seq
                        + "x: the gardener comes at ten.\"}";
        if (status(body) != 202) {
            refused.incrementAndGet();
        }
    }

    private int status(String body) {
        try {
            var response =
                    http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
