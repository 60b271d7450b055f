package dev.stevens.ingest.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.ingest.TestHttp;
import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.ingest.kafka.InboundHouseholds;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.testing.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Per-token rate limit and the body limit on the email route (declared and chunked bodies). */
@IntegrationTest(
        properties = {
            "stevens.http.max-body-size=2KB",
            "stevens.ingest.rate-limit.burst=3",
            "stevens.ingest.rate-limit.requests-per-second=0.2"
        })
class InboundLimitsTest {

    private static final String VALID = "{\"source\": \"calendar\", \"text\": \"Dentist\"}";
    private static final String EMAIL =
            "From: ada@lovelace.example\r\nSubject: big\r\nMessage-ID: <big@x>\r\n\r\n";

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory tokens;
    @Autowired HouseholdDirectory directory;
    @Autowired JsonMapper json;

    TestHttp http;
    InboundHouseholds households;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, json);
        households = new InboundHouseholds(publisher, tokens, directory);
    }

    @Test
    void aTokenOverItsBurstIsRefusedWith429ProblemAndRetryAfter() {
        var caller = households.register(List.of(), List.of(), "imports:write");
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/v1/imports", caller.token(), VALID).statusCode())
                    .isEqualTo(202);
        }

        var refused = http.post("/api/v1/imports", caller.token(), VALID);

        var problem = http.assertProblem(refused, 429);
        assertThat(problem.path("detail").asString()).contains("rate limit");
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isBetween(1L, 5L));
    }

    @Test
    void eachTokenHasItsOwnBucket() {
        var busy = households.register(List.of(), List.of(), "imports:write");
        var quiet = households.register(List.of(), List.of(), "imports:write");
        for (int i = 0; i < 4; i++) {
            http.post("/api/v1/imports", busy.token(), VALID);
        }

        assertThat(http.post("/api/v1/imports", busy.token(), VALID).statusCode()).isEqualTo(429);
        assertThat(http.post("/api/v1/imports", quiet.token(), VALID).statusCode()).isEqualTo(202);
    }

    @Test
    void anEmailOverTheBodyLimitIsRefusedWith413() {
        var caller =
                households.register(List.of(), List.of("ada@lovelace.example"), "imports:write");
        byte[] big = (EMAIL + "x".repeat(3000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        http.assertProblem(post(caller.token(), HttpRequest.BodyPublishers.ofByteArray(big)), 413);
    }

    @Test
    void aChunkedEmailOverTheBodyLimitIsRefusedWith413Too() {
        var caller =
                households.register(List.of(), List.of("ada@lovelace.example"), "imports:write");
        byte[] big = (EMAIL + "x".repeat(3000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        var response =
                post(
                        caller.token(),
                        HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big)));

        http.assertProblem(response, 413);
    }

    private HttpResponse<String> post(String token, HttpRequest.BodyPublisher body) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://localhost:" + port + "/api/v1/email"))
                                    .header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "message/rfc822")
                                    .POST(body)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
