package dev.stevens.e2e.bench;

import java.io.IOException;
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
import java.util.concurrent.locks.LockSupport;

/**
 * The three services as three processes from their executable jars, as a deployment (or docker
 * compose) runs them, so each one's memory can be measured on its own. Same JVM flags as {@code
 * stevens-local}.
 */
final class ServiceProcesses implements AutoCloseable {

    record Service(String name, int port, Process process) {}

    private final List<Service> services = new ArrayList<>();

    /** Starts memory, briefing and ingest with these properties each; waits until all are ready. */
    static ServiceProcesses start(Map<String, Map<String, String>> propertiesByModule, Path logs)
            throws IOException {
        var started = new ServiceProcesses();
        try {
            for (var entry : propertiesByModule.entrySet()) {
                started.services.add(launch(entry.getKey(), entry.getValue(), logs));
            }
            for (Service service : started.services) {
                awaitReady(service);
            }
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    int port(String module) {
        return services.stream()
                .filter(s -> s.name().equals(module))
                .findFirst()
                .orElseThrow()
                .port();
    }

    List<Service> services() {
        return services;
    }

    @Override
    public void close() {
        // ingest first, so nothing new comes in while the others drain
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).process().destroy();
        }
        for (Service service : services) {
            try {
                if (!service.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    service.process().destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Service launch(String module, Map<String, String> properties, Path logs)
            throws IOException {
        Path jar = Path.of(module, "target", module + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build it with ./mvnw -q -B -o -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-Xss512k", "-XX:MaxRAMPercentage=25"));
        command.addAll(List.of("-jar", jar.toString()));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(module + ".log").toFile())
                        .start();
        return new Service(module, Integer.parseInt(properties.get("server.port")), process);
    }

    private static void awaitReady(Service service) {
        var http = HttpClient.newHttpClient();
        var readiness =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + service.port()
                                                + "/actuator/health/readiness"))
                        .build();
        long giveUp = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < giveUp) {
            if (!service.process().isAlive()) {
                throw new IllegalStateException(service.name() + " exited; see its log");
            }
            try {
                if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(200_000_000L);
        }
        throw new IllegalStateException(service.name() + " not ready within 120 s");
    }

    static Map<String, Map<String, String>> byModule(
            Map<String, String> memory, Map<String, String> briefing, Map<String, String> ingest) {
        Map<String, Map<String, String>> modules = new LinkedHashMap<>();
        modules.put("memory-service", memory);
        modules.put("briefing-service", briefing);
        modules.put("ingest-service", ingest);
        return modules;
    }
}
