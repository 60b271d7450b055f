package dev.stevens.briefing.bench;

import com.sun.net.httpserver.HttpServer;
import dev.stevens.briefing.BriefingServiceApplication;
import dev.stevens.briefing.compose.BriefDrafts;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import dev.stevens.events.MemoryChanged;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.testing.RealInfrastructure;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test. 10,000 households due in the same minute, composed and delivered to a stub Telegram
 * server (a JDK HttpServer), on the real broker and PostgreSQL; then the compose time of a
 * household with 10,000 memories. Run with {@code bench/briefing-bench.sh}.
 */
public final class BriefingBenchmark {

    static final int HOUSEHOLDS = Integer.getInteger("households", 10_000);
    static final int MEMORIES = Integer.getInteger("memories", 10_000);
    static final Instant DUE = Instant.parse("2026-11-26T07:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-11-26");

    /** Not a {@code @Configuration}: component scanning of the tests must not pick it up. */
    static class BenchClock {
        @Bean
        @Primary
        MutableClock benchClock() {
            return new MutableClock();
        }
    }

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            System.exit(0); // the embedded broker's threads would keep the JVM alive
        }
    }

    private static void run() throws Exception {
        HttpServer telegram = telegramStub();
        var database =
                RealInfrastructure.shared()
                        .newDatabase("bench_" + UUID.randomUUID().toString().substring(0, 8));
        var context =
                new SpringApplicationBuilder(BriefingServiceApplication.class, BenchClock.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + database.jdbcUrl(),
                                "--spring.datasource.username=" + database.username(),
                                "--spring.datasource.password=" + database.password(),
                                "--spring.datasource.hikari.maximum-pool-size=24",
                                "--spring.kafka.bootstrap-servers="
                                        + RealInfrastructure.shared().bootstrapServers(),
                                "--spring.kafka.consumer.group-id=bench-" + UUID.randomUUID(),
                                "--stevens.briefing.enabled=false",
                                "--stevens.telegram.bot-token=1:bench",
                                "--stevens.telegram.base-url=http://127.0.0.1:"
                                        + telegram.getAddress().getPort(),
                                "--logging.level.dev.stevens=WARN");
        MutableClock clock = context.getBean(MutableClock.class);
        clock.set(DUE.minusSeconds(60));
        EventPublisher publisher = context.getBean(EventPublisher.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);

        // let the broker settle its new partitions before the flood of seed records
        Thread.sleep(5000);
        System.out.printf("seeding %d households …%n", HOUSEHOLDS);
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            UUID household = UUID.randomUUID();
            var settings =
                    new Settings(
                            "Bench " + i,
                            "Europe/London",
                            LocalTime.of(7, 0),
                            "Sir",
                            List.of(new Recipient("Ada", 1_000_000L + i, null, null)),
                            List.of(),
                            List.of(),
                            1);
            acks.add(
                    publisher.publish(
                            Topics.HOUSEHOLDS,
                            household.toString(),
                            HouseholdSettingsChanged.of(
                                    UUID.randomUUID(), Instant.now(), household, settings)));
            acks.add(memory(publisher, household, DAY, "Dentist at 10:00 (bench " + i + ")."));
            acks.add(memory(publisher, household, null, "Prefers Earl Grey."));
        }
        settle(acks);
        waitFor(jdbc, "select count(*) from households", HOUSEHOLDS);
        waitFor(jdbc, "select count(*) from memories", 2L * HOUSEHOLDS);

        BriefScheduler scheduler = context.getBean(BriefScheduler.class);
        clock.set(DUE.plusSeconds(1));
        long start = System.nanoTime();
        int ticks = 0;
        long delivered;
        do {
            scheduler.tick();
            ticks++;
            delivered = count(jdbc, "select count(*) from deliveries where status = 'DELIVERED'");
        } while (delivered < HOUSEHOLDS && ticks < 100);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%d households due at once: %d delivered in %.1f s (%d ticks, %d Telegram calls,"
                        + " %d events left in outbox)%n",
                HOUSEHOLDS,
                delivered,
                seconds,
                ticks,
                SENT.get(),
                count(jdbc, "select count(*) from outbox_events"));

        composeBenchmark(
                context.getBean(BriefDrafts.class),
                context.getBean(HouseholdDirectory.class),
                publisher,
                jdbc);
        context.close();
        telegram.stop(0);
    }

    private static void composeBenchmark(
            BriefDrafts drafts,
            HouseholdDirectory directory,
            EventPublisher publisher,
            JdbcClient jdbc)
            throws Exception {
        UUID big = UUID.randomUUID();
        publisher
                .publish(
                        Topics.HOUSEHOLDS,
                        big.toString(),
                        HouseholdSettingsChanged.of(
                                UUID.randomUUID(),
                                Instant.now(),
                                big,
                                new Settings(
                                        "Big",
                                        "Europe/London",
                                        LocalTime.of(7, 0),
                                        "Sir",
                                        List.of(),
                                        List.of(),
                                        List.of(),
                                        1)))
                .get();
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (int i = 0; i < MEMORIES; i++) {
            // a third undated, the rest spread over sixty days around the brief's day
            LocalDate date = i % 3 == 0 ? null : DAY.plusDays((i % 60) - 30);
            acks.add(memory(publisher, big, date, "Memory number " + i + " about something."));
        }
        settle(acks);
        long before =
                count(jdbc, "select count(*) from memories where household_id <> '" + big + "'");
        waitFor(jdbc, "select count(*) from memories", before + MEMORIES);
        var household = directory.find(big).orElseThrow();
        for (int i = 0; i < 20; i++) {
            drafts.draft(household, DAY); // warm up
        }
        int runs = 200;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            drafts.draft(household, DAY);
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "compose, household with %d memories, %d runs: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                MEMORIES,
                runs,
                nanos[runs / 2] / 1e6,
                nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
                nanos[runs - 1] / 1e6);
    }

    private static CompletableFuture<?> memory(
            EventPublisher publisher, UUID household, LocalDate date, String text) {
        UUID id = UUID.randomUUID();
        var snapshot =
                new MemoryChanged.Snapshot(
                        id,
                        "reminder",
                        null,
                        date,
                        text,
                        List.of(),
                        1,
                        false,
                        Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-11-01T00:00:00Z"),
                        UUID.randomUUID());
        return publisher.publish(
                Topics.MEMORIES,
                id.toString(),
                MemoryChanged.of(UUID.randomUUID(), Instant.now(), household, snapshot));
    }

    /** Waits for every send; a freshly created topic can refuse the first records, so count. */
    private static void settle(List<CompletableFuture<?>> acks) {
        long failed =
                acks.stream()
                        .filter(
                                ack -> {
                                    try {
                                        ack.get();
                                        return false;
                                    } catch (Exception e) {
                                        return true;
                                    }
                                })
                        .count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " seed records were not acknowledged");
        }
    }

    static final AtomicLong SENT = new AtomicLong();

    private static HttpServer telegramStub() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext(
                "/",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    byte[] body =
                            ("{\"ok\":true,\"result\":{\"message_id\":"
                                            + SENT.incrementAndGet()
                                            + "}}")
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        return server;
    }

    private static void waitFor(JdbcClient jdbc, String sql, long expected)
            throws InterruptedException {
        long started = System.nanoTime();
        while (count(jdbc, sql) < expected) {
            if (System.nanoTime() - started > 600e9) {
                throw new IllegalStateException("timed out: " + sql);
            }
            Thread.sleep(500);
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private BriefingBenchmark() {}
}
