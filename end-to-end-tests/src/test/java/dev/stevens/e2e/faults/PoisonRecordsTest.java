package dev.stevens.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.ImportReceived;
import dev.stevens.events.Topics;
import dev.stevens.launcher.ServicePorts;
import dev.stevens.launcher.StevensServices;
import dev.stevens.testing.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault 5: a record that is not JSON in every topic a service consumes. Each one is dead-lettered
 * with its reason (by every consumer group that reads the topic), never blocks its partition, and
 * once fixed and replayed (republished from the dead-letter topic with a plain producer, twice, as
 * an operator retrying would) is applied exactly once. All three services run in this JVM.
 */
class PoisonRecordsTest {

    /** Every topic a @KafkaListener of memory-service or briefing-service reads. */
    private static final List<String> CONSUMED =
            List.of(
                    Topics.IMPORTS,
                    Topics.MEMORY_COMMANDS,
                    Topics.MEMORIES,
                    Topics.HOUSEHOLDS,
                    Topics.CHAT,
                    Topics.IMPORTER_RUNS,
                    Topics.BRIEFS);

    private static final HttpClient http = HttpClient.newHttpClient();
    private static RealInfrastructure infra;
    private static StevensServices stevens;
    private static String household;

    @BeforeAll
    static void start() {
        infra = RealInfrastructure.shared();
        var memoryDb = infra.newDatabase("poison_memory");
        var briefingDb = infra.newDatabase("poison_briefing");
        Map<String, String> shared = new HashMap<>();
        shared.put("spring.kafka.bootstrap-servers", infra.bootstrapServers());
        shared.put("stevens.demo.enabled", "true");
        shared.put("stevens.demo.token", Stack.TOKEN);
        shared.put("stevens.demo.password", "poison-tests-password");
        shared.put("stevens.demo.time-zone", "UTC");
        stevens =
                StevensServices.start(
                        shared,
                        memoryDb.jdbcUrl(),
                        briefingDb.jdbcUrl(),
                        memoryDb.username(),
                        memoryDb.password(),
                        ServicePorts.RANDOM);
        household =
                new JdbcTemplate(stevens.memoryContext().getBean(DataSource.class))
                        .queryForObject("select id from households limit 1", UUID.class)
                        .toString();
    }

    @AfterAll
    static void stop() {
        if (stevens != null) {
            stevens.close();
        }
    }

    @Test
    void aRecordThatIsNotJsonInEveryConsumedTopicLandsInItsDeadLetterTopicWithAReason() {
        String marker = "poison-" + UUID.randomUUID();
        for (String topic : CONSUMED) {
            Evidence.writeMalformed(infra.bootstrapServers(), topic, household, marker, 1);
        }
        for (String topic : CONSUMED) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(
                            () -> {
                                List<ConsumerRecord<String, byte[]>> dead =
                                        deadLettersWith(topic, marker);
                                assertThat(dead).as(topic).isNotEmpty();
                                assertThat(dead)
                                        .as(topic + " reasons")
                                        .allSatisfy(
                                                r ->
                                                        assertThat(
                                                                        Evidence.header(
                                                                                r,
                                                                                "kafka_dlt-exception-message"))
                                                                .isNotBlank());
                            });
        }
    }

    @Test
    void aValidImportBehindAPoisonRecordOnTheSamePartitionIsStillApplied() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        // keyed by the household, as ingest keys imports: the same partition as the next POST
        Evidence.writeMalformed(infra.bootstrapServers(), Topics.IMPORTS, household, marker, 1);
        String body =
                "{\"source\":\"behind-poison\",\"date\":\""
                        + ImportLoad.day()
                        + "\",\"text\":\"After "
                        + marker
                        + "\"}";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> postImport(body).statusCode(), status -> status == 202);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(Evidence.memories(stevens.memoryPort(), "behind-poison"))
                                        .extracting(m -> m.path("text").asString())
                                        .containsExactly("After " + marker));
        assertThat(deadLettersWith(Topics.IMPORTS, marker)).hasSize(1);
    }

    @Test
    void aDeadLetteredImportFixedAndReplayedTwiceIsAppliedOnce() {
        String marker = "poison-" + UUID.randomUUID();
        Evidence.writeMalformed(infra.bootstrapServers(), Topics.IMPORTS, household, marker, 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> deadLettersWith(Topics.IMPORTS, marker), dead -> dead.size() == 1);
        ConsumerRecord<String, byte[]> dead = deadLettersWith(Topics.IMPORTS, marker).get(0);

        // the operator's fix: the same content as a valid event with one id, sent back to the
        // original topic under the original key — twice, as a retried replay would
        var fixed =
                ImportReceived.of(
                        UUID.randomUUID(),
                        "operator-replay",
                        Instant.now(),
                        UUID.fromString(household),
                        new ImportReceived.Data(
                                "replayed",
                                "Fixed " + marker,
                                null,
                                ImportLoad.day(),
                                List.of(),
                                null));
        byte[] bytes = Evidence.json.writeValueAsBytes(fixed);
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.IMPORTS, dead.key(), bytes));
            producer.send(new ProducerRecord<>(Topics.IMPORTS, dead.key(), bytes));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () ->
                                assertThat(Evidence.memories(stevens.memoryPort(), "replayed"))
                                        .extracting(m -> m.path("text").asString())
                                        .containsExactly("Fixed " + marker));
        // and the replay did not create a second dead letter
        assertThat(deadLettersWith(Topics.IMPORTS, marker)).hasSize(1);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersWith(
            String topic, String marker) {
        return Evidence.readAll(infra.bootstrapServers(), Topics.deadLetterOf(topic)).stream()
                .filter(
                        r ->
                                r.value() != null
                                        && new String(r.value(), StandardCharsets.UTF_8)
                                                .contains(marker))
                .toList();
    }

    private static HttpResponse<String> postImport(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://localhost:"
                                                + stevens.ingestPort()
                                                + "/api/v1/imports"))
                        .header("Authorization", "Bearer " + Stack.TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaProducer<String, byte[]> producer() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
