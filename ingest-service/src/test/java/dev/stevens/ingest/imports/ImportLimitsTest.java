package dev.stevens.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.infra.KafkaKraftBroker;
import dev.stevens.ingest.TestHouseholds;
import dev.stevens.ingest.TestHttp;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.ApiTokens;
import dev.stevens.testing.IntegrationTest;
import dev.stevens.testing.RealInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Limits that protect the service and the guarantee that 202 means "stored in Kafka". */
@IntegrationTest(
        properties = {
            "stevens.http.max-body-size=1KB",
            "stevens.ingest.imports.ack-timeout=2s",
            "spring.kafka.producer.properties.max.block.ms=1000"
        })
class ImportLimitsTest {

    private static final String VALID = "{\"source\": \"calendar\", \"text\": \"Dentist\"}";

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory directory;
    @Autowired JsonMapper json;

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeAnythingElse() {
        String body = "{\"source\": \"mail\", \"text\": \"" + "x".repeat(2000) + "\"}";
        var http = new TestHttp(port, json);

        http.assertProblem(http.post("/api/v1/imports", ApiTokens.generate(), body), 413);
    }

    @Test
    void whileKafkaIsDownImportsAreRefusedWith503AndARetryWithTheSameKeyIsAcceptedLater() {
        KafkaKraftBroker broker = RealInfrastructure.shared().embeddedBroker().orElse(null);
        Assumptions.assumeTrue(broker != null, "needs the in-process broker to stop it");
        var http = new TestHttp(port, json);
        var caller = new TestHouseholds(publisher, directory).register("imports:write");

        broker.stop();
        try {
            var refused =
                    http.post("/api/v1/imports", caller.token(), VALID, "Idempotency-Key", "k1");
            http.assertProblem(refused, 503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        } finally {
            broker.start();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () ->
                                assertThat(
                                                http.post(
                                                                "/api/v1/imports",
                                                                caller.token(),
                                                                VALID,
                                                                "Idempotency-Key",
                                                                "k1")
                                                        .statusCode())
                                        .isEqualTo(202));
    }
}
