package dev.stevens.e2e.faults;

import dev.stevens.ingest.IngestServiceApplication;
import dev.stevens.memory.MemoryServiceApplication;
import dev.stevens.testing.RealInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ingest-service and memory-service in this JVM on the shared real broker and a database of their
 * own (briefing-service is not needed to prove the import path). memory-service can be closed and
 * started again on the same database and port, as a crashed and restarted process would be.
 */
public final class Stack implements AutoCloseable {

    public static final String TOKEN = "stv_fault-tests-token-0123456789abcdefghijklmnopq";
    public static final String METRICS_PASSWORD = "fault-tests-scrape-secret";

    private final Map<String, String> memoryProperties;
    private final ConfigurableApplicationContext ingest;
    private volatile ConfigurableApplicationContext memory;
    private final int memoryPort;

    private Stack(Map<String, String> shared, RealInfrastructure.Database database) {
        Map<String, String> memory = new LinkedHashMap<>(shared);
        memory.put("spring.datasource.url", database.jdbcUrl());
        memory.put("spring.datasource.username", database.username());
        memory.put("spring.datasource.password", database.password());
        memory.put("stevens.demo.enabled", "true");
        memory.put("stevens.demo.token", TOKEN);
        memory.put("stevens.demo.password", "fault-tests-password");
        memory.put("stevens.demo.time-zone", "UTC");
        memory.put("server.port", "0");
        this.memory = run(MemoryServiceApplication.class, memory);
        this.memoryPort = port(this.memory);
        memory.put("server.port", Integer.toString(memoryPort));
        this.memoryProperties = memory;
        Map<String, String> ingest = new LinkedHashMap<>(shared);
        ingest.put("server.port", "0");
        // the load is far above one household's normal rate
        ingest.put("stevens.ingest.rate-limit.requests-per-second", "100000");
        ingest.put("stevens.ingest.rate-limit.burst", "100000");
        this.ingest = run(IngestServiceApplication.class, ingest);
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

    public ConfigurableApplicationContext memoryContext() {
        return memory;
    }

    /** Closes memory-service's context (listeners stop mid-batch, connections drop). */
    public void stopMemory() {
        memory.close();
    }

    /** A new memory-service on the same database, port and consumer group. */
    public void startMemory() {
        memory = run(MemoryServiceApplication.class, memoryProperties);
    }

    @Override
    public void close() {
        ingest.close();
        if (memory.isActive()) {
            memory.close();
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
