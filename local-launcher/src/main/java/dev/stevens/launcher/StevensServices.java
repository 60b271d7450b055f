package dev.stevens.launcher;

import dev.stevens.briefing.BriefingServiceApplication;
import dev.stevens.ingest.IngestServiceApplication;
import dev.stevens.memory.MemoryServiceApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services running side by side in this JVM, each in its own Spring context with its own
 * port and database, talking to each other only through Kafka — as they would in separate
 * processes. Used by the local launcher and by the end-to-end tests.
 */
public final class StevensServices implements AutoCloseable {

    private final List<ConfigurableApplicationContext> contexts;

    private StevensServices(List<ConfigurableApplicationContext> contexts) {
        this.contexts = contexts;
    }

    /**
     * @param shared properties every service gets (broker address, secrets passed through, …)
     * @param memoryDatabase JDBC URL of memory-service's database
     * @param briefingDatabase JDBC URL of briefing-service's database
     */
    public static StevensServices start(
            Map<String, String> shared,
            String memoryDatabase,
            String briefingDatabase,
            String databaseUser,
            String databasePassword,
            ServicePorts ports) {
        Map<String, String> memory = new LinkedHashMap<>(shared);
        memory.put("server.port", Integer.toString(ports.memory()));
        memory.putAll(datasource(memoryDatabase, databaseUser, databasePassword));
        Map<String, String> briefing = new LinkedHashMap<>(shared);
        briefing.put("server.port", Integer.toString(ports.briefing()));
        briefing.putAll(datasource(briefingDatabase, databaseUser, databasePassword));
        Map<String, String> ingest = new LinkedHashMap<>(shared);
        ingest.put("server.port", Integer.toString(ports.ingest()));

        // started together: on two cores this roughly halves the time to ready
        var starting =
                List.of(
                        StartupThreads.supply(
                                "memory", () -> run(MemoryServiceApplication.class, memory)),
                        StartupThreads.supply(
                                "briefing", () -> run(BriefingServiceApplication.class, briefing)),
                        StartupThreads.supply(
                                "ingest", () -> run(IngestServiceApplication.class, ingest)));
        List<ConfigurableApplicationContext> started = new ArrayList<>();
        RuntimeException failure = null;
        for (var future : starting) {
            try {
                started.add(future.join());
            } catch (CompletionException e) {
                failure = failure == null ? new IllegalStateException(e.getCause()) : failure;
            }
        }
        StevensServices services = new StevensServices(started);
        if (failure != null) {
            services.close();
            throw failure;
        }
        return services;
    }

    public int ingestPort() {
        return port(2);
    }

    public int memoryPort() {
        return port(0);
    }

    public int briefingPort() {
        return port(1);
    }

    public ConfigurableApplicationContext memoryContext() {
        return contexts.get(0);
    }

    public ConfigurableApplicationContext briefingContext() {
        return contexts.get(1);
    }

    public ConfigurableApplicationContext ingestContext() {
        return contexts.get(2);
    }

    @Override
    public void close() {
        // ingest first, so nothing new comes in while the others drain
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
    }

    private int port(int index) {
        return ((WebServerApplicationContext) contexts.get(index)).getWebServer().getPort();
    }

    private static Map<String, String> datasource(String url, String user, String password) {
        return Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", user,
                "spring.datasource.password", password);
    }

    private static ConfigurableApplicationContext run(
            Class<?> application, Map<String, String> properties) {
        SpringApplication app = new SpringApplication(application);
        app.setBannerMode(Banner.Mode.OFF);
        // the launcher owns shutdown order: services first, then the broker and the database
        app.setRegisterShutdownHook(false);
        String[] args =
                properties.entrySet().stream()
                        .map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new);
        return app.run(args);
    }
}
