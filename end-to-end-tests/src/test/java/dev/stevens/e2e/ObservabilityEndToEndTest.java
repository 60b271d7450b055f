package dev.stevens.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.e2e.faults.Stack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator gets from every service: probes with the broker and the database in readiness,
 * Prometheus metrics and the build version behind the scrape credential, and the OpenAPI document
 * behind a household token.
 */
class ObservabilityEndToEndTest {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final String SCRAPE =
            "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    ("prometheus:" + Stack.METRICS_PASSWORD)
                                            .getBytes(StandardCharsets.UTF_8));

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void readinessNamesTheBrokerAndTheDatabaseAndLivenessNeither() throws Exception {
        JsonNode memory = getJson(stack.memoryPort(), "/actuator/health/readiness", null);
        assertThat(memory.path("status").asString()).as(memory.toString()).isEqualTo("UP");
        assertThat(memory.path("components").path("kafka").path("status").asString())
                .as(memory.toString())
                .isEqualTo("UP");
        assertThat(memory.path("components").path("db").path("status").asString()).isEqualTo("UP");
        JsonNode ingest = getJson(stack.ingestPort(), "/actuator/health/readiness", null);
        assertThat(ingest.path("components").path("kafka").path("status").asString())
                .isEqualTo("UP");
        assertThat(ingest.path("components").has("db")).isFalse();
        JsonNode liveness = getJson(stack.memoryPort(), "/actuator/health/liveness", null);
        assertThat(liveness.path("components").has("kafka")).isFalse();
    }

    @Test
    void metricsNeedTheScrapeCredential() throws Exception {
        for (int port : new int[] {stack.ingestPort(), stack.memoryPort()}) {
            assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
            assertThat(get(port, "/actuator/prometheus", "Bearer " + Stack.TOKEN).statusCode())
                    .isEqualTo(401);
            assertThat(get(port, "/actuator/prometheus", "Basic d3Jvbmc6d3Jvbmc=").statusCode())
                    .isEqualTo(401);
            var scraped = get(port, "/actuator/prometheus", SCRAPE);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void infoNamesTheServiceAndTheBuildVersion() throws Exception {
        assertThat(get(stack.memoryPort(), "/actuator/info", null).statusCode()).isEqualTo(401);
        JsonNode info = getJson(stack.memoryPort(), "/actuator/info", SCRAPE);
        assertThat(info.path("service").asString()).isEqualTo("memory-service");
        assertThat(info.path("build").path("version").asString()).endsWith("-SNAPSHOT");
    }

    @Test
    void anImportMovesTheIngestAndApplyCountersAndTheLagTimer() throws Exception {
        String applied = "stevens_events_applied_seconds_count{";
        String published = "stevens_events_published_total{outcome=\"acknowledged\",";
        double appliedBefore = metric(stack.memoryPort(), applied);
        double publishedBefore = metric(stack.ingestPort(), published);
        double rejectedBefore =
                metric(stack.ingestPort(), "stevens_api_rejected_total{reason=\"invalid\"");

        String body = "{\"source\":\"metrics\",\"text\":\"Counted\"}";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> post(stack.ingestPort(), body).statusCode() == 202);
        assertThat(post(stack.ingestPort(), "{\"source\":\"metrics\"}").statusCode())
                .isEqualTo(400);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            assertThat(metric(stack.ingestPort(), published))
                                    .isGreaterThan(publishedBefore);
                            assertThat(metric(stack.memoryPort(), applied))
                                    .isGreaterThan(appliedBefore);
                            assertThat(
                                            metric(
                                                    stack.ingestPort(),
                                                    "stevens_api_rejected_total{reason=\"invalid\""))
                                    .isGreaterThan(rejectedBefore);
                        });
        String scraped = get(stack.memoryPort(), "/actuator/prometheus", SCRAPE).body();
        // consumer lag per group from the Kafka client metrics
        assertThat(scraped).contains("kafka_consumer_fetch_manager_records_lag_max");
        assertThat(scraped).contains("stevens_events_applied_seconds_bucket");
        assertThat(get(stack.ingestPort(), "/actuator/prometheus", SCRAPE).body())
                .containsPattern(
                        "spring_kafka_template_seconds_count\\{[^}]*messaging_destination_name=\"stevens.imports.v1\"");
    }

    @Test
    void recordListenersAreTimedByTheirObservationNotCrowdedOutByTheLegacyTimer() throws Exception {
        // a memory command: memory-service's command listener (a record listener) applies it
        var created =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://localhost:"
                                                        + stack.memoryPort()
                                                        + "/api/v1/memories"))
                                .header("Authorization", "Bearer " + Stack.TOKEN)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"text\":\"Timed by its observation\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                get(
                                                                stack.memoryPort(),
                                                                "/actuator/prometheus",
                                                                SCRAPE)
                                                        .body())
                                        .containsPattern(
                                                "spring_kafka_listener_seconds_count\\{[^}]*"
                                                        + "messaging_source_name=\"stevens.memory-commands.v1\"")
                                        .doesNotContainPattern(
                                                "spring_kafka_listener_seconds_count\\{exception="));
    }

    @Test
    void theOpenApiDocumentNeedsAHouseholdToken() throws Exception {
        for (int port : new int[] {stack.ingestPort(), stack.memoryPort()}) {
            assertThat(get(port, "/v3/api-docs", null).statusCode()).isEqualTo(401);
            JsonNode doc = getJson(port, "/v3/api-docs", "Bearer " + Stack.TOKEN);
            assertThat(doc.path("openapi").asString()).startsWith("3.");
            assertThat(doc.path("paths").propertyNames()).anyMatch(p -> p.startsWith("/api/v1/"));
        }
    }

    /** Sums the samples of a series (name and first labels) on the imports topic. */
    private static double metric(int port, String prefix) throws Exception {
        String body = get(port, "/actuator/prometheus", SCRAPE).body();
        double sum = 0;
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(prefix) + "([^}]*)} ([0-9.eE+-]+)$")
                        .matcher(body);
        while (m.find()) {
            if (!prefix.startsWith("stevens_api") && !m.group(1).contains("stevens.imports.v1\"")) {
                continue;
            }
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    private static HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports"))
                        .header("Authorization", "Bearer " + Stack.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode getJson(int port, String path, String authorization) throws Exception {
        var response = get(port, path, authorization);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpResponse<String> get(int port, String path, String authorization)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
