package dev.stevens.ingest.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.ingest.TestHouseholds;
import dev.stevens.ingest.TestHttp;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.testing.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The token directory follows stevens.households.v1 as memory-service publishes it. */
@IntegrationTest
class HouseholdTokenDirectoryTest {

    private static final String VALID = "{\"source\": \"calendar\", \"text\": \"Dentist\"}";

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory directory;
    @Autowired JsonMapper json;

    TestHttp http;
    TestHouseholds households;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, json);
        households = new TestHouseholds(publisher, directory);
    }

    @Test
    void aTokenMissingFromANewerSettingsRecordIsRevoked() {
        var caller = households.register("imports:write");
        assertThat(http.post("/api/v1/imports", caller.token(), VALID).statusCode()).isEqualTo(202);

        households.publishSettings(caller.household(), 2, List.of());

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                http.assertProblem(
                                        http.post("/api/v1/imports", caller.token(), VALID), 401));
    }

    @Test
    void theInstanceIsReadyOnceTheDirectoryHasCaughtUp() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () ->
                                assertThat(
                                                http.get("/actuator/health/readiness", null)
                                                        .statusCode())
                                        .isEqualTo(200));
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void everythingButHealthNeedsCredentials() {
        http.assertProblem(http.get("/actuator/info", null), 401);
        http.assertProblem(http.get("/api/v1/anything", null), 401);
        http.assertProblem(http.get("/", null), 401);
    }
}
