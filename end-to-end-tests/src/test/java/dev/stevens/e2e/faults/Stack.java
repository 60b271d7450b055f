package dev.stevens.e2e.faults;

import static org.awaitility.Awaitility.await;

import dev.stevens.ingest.IngestServiceApplication;
import dev.stevens.memory.MemoryServiceApplication;
import dev.stevens.testing.RealInfrastructure;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ingest-service in this JVM and memory-service in a child JVM, on the shared real broker and a
 * database of their own (briefing-service is not needed to prove the import path). memory-service
 * is a separate process so that it can be killed (SIGKILL: no shutdown hook, no listener stop, no
 * commit of the batch in hand) and started again on the same database, port and consumer group, as
 * a crashed and restarted container would be.
 */
public final class Stack implements AutoCloseable {

    public static final String TOKEN = "stv_fault-tests-token-0123456789abcdefghijklmnopq";
    public static final String METRICS_PASSWORD = "fault-tests-scrape-secret";

    /** Numbers the child's log files, so a restart does not overwrite the first run's log. */
    private static final AtomicInteger launches = new AtomicInteger();

    private static final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final RealInfrastructure.Database memoryDatabase;
    private final Map<String, String> memoryProperties;
    private final int memoryPort;
    private final Thread killOnExit = new Thread(this::killMemory, "kill-memory-service");
    private final ConfigurableApplicationContext ingest;
    private volatile Process memory;

    private Stack(Map<String, String> shared, RealInfrastructure.Database database) {
        this.memoryDatabase = database;
        this.memoryPort = freePort();
        Map<String, String> memory = new LinkedHashMap<>(shared);
        memory.put("spring.datasource.url", database.jdbcUrl());
        memory.put("spring.datasource.username", database.username());
        memory.put("spring.datasource.password", database.password());
        memory.put("stevens.demo.enabled", "true");
        // a demo household of its own: the shared broker carries every test's households
        memory.put("stevens.demo.household-id", java.util.UUID.randomUUID().toString());
        memory.put("stevens.demo.token", TOKEN);
        memory.put("stevens.demo.password", "fault-tests-password");
        memory.put("stevens.demo.time-zone", "UTC");
        // a killed consumer holds its partitions until its session times out (45 s by default);
        // the restarted one takes them over sooner this way, which only shortens the test
        memory.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        memory.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "2000");
        memory.put("server.port", Integer.toString(memoryPort));
        this.memoryProperties = memory;
        // a test JVM that ends (even on a failure outside @AfterAll) takes its child with it
        Runtime.getRuntime().addShutdownHook(killOnExit);
        Map<String, String> ingest = new LinkedHashMap<>(shared);
        ingest.put("server.port", "0");
        // the load is far above one household's normal rate
        ingest.put("stevens.ingest.rate-limit.requests-per-second", "100000");
        ingest.put("stevens.ingest.rate-limit.burst", "100000");
        try {
            startMemory();
            this.ingest = run(IngestServiceApplication.class, ingest);
        } catch (RuntimeException e) {
            // no Stack for @AfterAll to close: the child must not outlive the failed start
            killMemory();
            throw e;
        }
    }

    public static Stack start() {
        RealInfrastructure infra = RealInfrastructure.shared();
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("spring.kafka.bootstrap-servers", infra.bootstrapServers());
        shared.put("stevens.metrics.password", METRICS_PASSWORD);
        return new Stack(shared, infra.newDatabase("faults_memory"));
    }

    public int ingestPort() {
        return port(ingest);
    }

    public int memoryPort() {
        return memoryPort;
    }

    /** memory-service's database, for reading it with plain JDBC from the test. */
    public RealInfrastructure.Database memoryDatabase() {
        return memoryDatabase;
    }

    /**
     * Kills memory-service's process outright (SIGKILL), whatever it is doing: a batch half
     * applied, offsets not committed, the outbox not relayed.
     */
    public void killMemory() {
        Process process = memory;
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing memory-service", e);
        }
    }

    /**
     * A new memory-service process on the same database, port and consumer group, returned once it
     * reports ready (broker and database reachable, demo household in place).
     */
    public void startMemory() {
        if (memory != null && memory.isAlive()) {
            throw new IllegalStateException("memory-service is still running");
        }
        Path log =
                Path.of(System.getProperty("basedir", "."), "target")
                        .resolve(
                                "memory-service-"
                                        + ProcessHandle.current().pid()
                                        + "-"
                                        + launches.incrementAndGet()
                                        + ".log")
                        .toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            memory =
                    new ProcessBuilder(command())
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException("memory-service did not start; see " + log, e);
        }
        Process started = memory;
        URI readiness = URI.create("http://localhost:" + memoryPort + "/actuator/health/readiness");
        // two cores shared with other builds: a cold JVM with Flyway and Kafka takes a while
        await("memory-service ready (log: " + log + ")")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(
                        () -> {
                            if (!started.isAlive()) {
                                throw new IllegalStateException(
                                        "memory-service exited with "
                                                + started.exitValue()
                                                + "; see "
                                                + log);
                            }
                            return http.send(
                                            HttpRequest.newBuilder(readiness)
                                                    .timeout(Duration.ofSeconds(5))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        },
                        status -> status == 200);
    }

    @Override
    public void close() {
        try {
            ingest.close();
        } finally {
            killMemory();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: it kills nothing that is still alive
            }
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // a small heap and the C1 compiler only: it is a test process on a busy machine
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        // surefire starts its fork from a manifest-only jar; the real test classpath is here
        command.add(
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(MemoryServiceApplication.class.getName());
        memoryProperties.forEach((key, value) -> command.add("--" + key + "=" + value));
        return command;
    }

    private static String javaExecutable() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(
                        System.getProperty("java.home")
                                + File.separator
                                + "bin"
                                + File.separator
                                + "java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static ConfigurableApplicationContext run(Class<?> application, Map<String, String> props) {
        SpringApplication app = new SpringApplication(application);
        app.setBannerMode(Banner.Mode.OFF);
        app.setRegisterShutdownHook(false);
        return app.run(
                props.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }
}
