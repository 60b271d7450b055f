package dev.stevens.launcher;

import dev.stevens.infra.EmbeddedPostgresServer;
import dev.stevens.infra.KafkaKraftBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * README command 1: the whole system on one machine with only a JDK. A real Kafka broker (KRaft)
 * and a real PostgreSQL run in this process with their data under {@code .stevens/} (or {@code
 * STEVENS_HOME}); the three services start on 8081–8083; a demo household is created. Ctrl-C stops
 * the services, then the broker and the database, cleanly.
 */
public final class StevensLocal {

    private static final Logger log = LoggerFactory.getLogger(StevensLocal.class);

    private StevensLocal() {}

    public static void main(String[] args) {
        long started = System.nanoTime();
        // three services share this JVM's one logback configuration (logback.xml); letting each
        // Spring context re-initialise logging would race
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Path home = Path.of(env("STEVENS_HOME", ".stevens")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(env("STEVENS_KAFKA_PORT", "19092"));
        int postgresPort = Integer.parseInt(env("STEVENS_POSTGRES_PORT", "15432"));

        var broker = new KafkaKraftBroker(home.resolve("kafka"), kafkaPort);
        var postgres = new EmbeddedPostgresServer(home.resolve("postgres"), postgresPort);
        CompletableFuture.allOf(
                        StartupThreads.run("kafka", broker::start),
                        StartupThreads.run("postgres", postgres::start))
                .join();
        postgres.createDatabaseIfMissing("stevens_memory");
        postgres.createDatabaseIfMissing("stevens_briefing");

        DemoCredentials demo = DemoCredentials.resolve(home);
        ZoneId zone = ZoneId.of(env("STEVENS_DEMO_TIME_ZONE", ZoneId.systemDefault().getId()));
        LocalTime briefTime = briefTime(env("STEVENS_DEMO_BRIEF_TIME", "07:30"), zone);

        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("spring.kafka.bootstrap-servers", broker.bootstrapServers());
        shared.put("stevens.demo.enabled", "true");
        shared.put("stevens.demo.token", demo.token());
        shared.put("stevens.demo.password", demo.password());
        shared.put("stevens.demo.time-zone", zone.getId());
        shared.put("stevens.demo.brief-time", briefTime.toString());
        passThrough(shared, "STEVENS_DEMO_TELEGRAM_CHAT_ID", "stevens.demo.telegram-chat-id");
        passThrough(shared, "STEVENS_TELEGRAM_BOT_TOKEN", "stevens.telegram.bot-token");
        passThrough(shared, "STEVENS_TELEGRAM_BASE_URL", "stevens.telegram.base-url");

        StevensServices services;
        try {
            services =
                    StevensServices.start(
                            shared,
                            postgres.jdbcUrl("stevens_memory"),
                            postgres.jdbcUrl("stevens_briefing"),
                            postgres.username(),
                            postgres.password(),
                            ServicePorts.DEFAULT);
        } catch (RuntimeException e) {
            log.error("Stevens could not start; stopping the broker and the database", e);
            broker.stop();
            postgres.stop();
            System.exit(1);
            return;
        }
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    log.info("Stopping Stevens…");
                                    services.close();
                                    broker.stop();
                                    postgres.stop();
                                    log.info("Stevens stopped.");
                                },
                                "stevens-shutdown"));
        // started is not ready: ingest must have read the demo token from Kafka before the first
        // curl
        awaitReadiness(services);
        printWelcome(home, demo, zone, briefTime, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitReadiness(StevensServices services) {
        var http = java.net.http.HttpClient.newHttpClient();
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int port :
                new int[] {services.memoryPort(), services.briefingPort(), services.ingestPort()}) {
            var request =
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(
                                            "http://127.0.0.1:"
                                                    + port
                                                    + "/actuator/health/readiness"))
                            .build();
            while (System.nanoTime() < giveUp) {
                try {
                    if (http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        break;
                    }
                    Thread.sleep(200);
                } catch (java.io.IOException e) {
                    log.debug("readiness of port {} not answered yet: {}", port, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** {@code HH:mm[:ss]}, or {@code now+N} for N minutes from now (handy for a demo). */
    static LocalTime briefTime(String value, ZoneId zone) {
        if (value.startsWith("now+")) {
            long minutes = Long.parseLong(value.substring(4).replace("m", ""));
            return LocalTime.now(zone).plusMinutes(minutes).truncatedTo(ChronoUnit.SECONDS);
        }
        return LocalTime.parse(value);
    }

    private static void printWelcome(
            Path home, DemoCredentials demo, ZoneId zone, LocalTime briefTime, Duration took) {
        String credentialsSource =
                demo.generated()
                        ? "generated now and kept in " + home.resolve("demo-credentials.properties")
                        : "from STEVENS_DEMO_TOKEN / STEVENS_DEMO_PASSWORD or "
                                + home.resolve("demo-credentials.properties");
        System.out.printf(
                """

                ================================================================
                 Stevens is ready (%.1f s).  Data: %s
                   Dashboard   http://localhost:8082/   login: demo / %s
                   API token   %s
                   (%s)
                   Brief       daily at %s %s
                 Try:
                   curl -H "Authorization: Bearer %s" -H 'Content-Type: application/json' \\
                        -d '{"source":"reminder","text":"Dentist at 3pm","date":"%s"}' \\
                        localhost:8081/api/v1/imports
                   curl -H "Authorization: Bearer %s" localhost:8083/api/v1/briefings/preview
                 Ctrl-C stops everything.
                ================================================================
                %n""",
                took.toMillis() / 1000.0,
                home,
                demo.password(),
                demo.token(),
                credentialsSource,
                briefTime,
                zone,
                demo.token(),
                java.time.LocalDate.now(zone),
                demo.token());
    }

    /** Friendly variable names; Spring's relaxed binding would want STEVENS_TELEGRAM_BOTTOKEN. */
    private static void passThrough(Map<String, String> properties, String variable, String key) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
