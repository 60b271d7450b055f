package dev.stevens.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.e2e.DashboardSession;
import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.Topics;
import dev.stevens.launcher.ServicePorts;
import dev.stevens.launcher.StevensServices;
import dev.stevens.testing.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault 5: a record that is not JSON in every topic a service consumes. Each one is dead-lettered
 * with its reason by every consumer group that reads the topic and never blocks its partition: the
 * valid record behind it is processed. A record dead-lettered for a cause outside it is, once the
 * cause is fixed and it is replayed from the dashboard (twice, as an operator retrying would),
 * applied exactly once. All three services run in this JVM.
 */
class PoisonRecordsTest {

    /**
     * Every topic a @KafkaListener of memory-service or briefing-service reads (checked against the
     * running listeners below).
     */
    static final List<String> CONSUMED =
            List.of(
                    Topics.IMPORTS,
                    Topics.MEMORY_COMMANDS,
                    Topics.MEMORIES,
                    Topics.HOUSEHOLDS,
                    Topics.CHAT,
                    Topics.IMPORTER_RUNS,
                    Topics.BRIEFS,
                    Topics.BRIEF_REQUESTS,
                    Topics.BRIEF_ANSWERS);

    private static final String PASSWORD = "poison-tests-password";
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
        // a demo household of its own: the shared broker carries every test's households
        shared.put("stevens.demo.household-id", UUID.randomUUID().toString());
        shared.put("stevens.demo.token", Stack.TOKEN);
        shared.put("stevens.demo.password", PASSWORD);
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
    void theListedTopicsAndGroupsAreEveryOneTheRunningListenersRead() {
        Map<String, Set<String>> running = new HashMap<>(ListenerGroups.running(stevens));
        assertThat(running.keySet()).containsExactlyInAnyOrderElementsOf(CONSUMED);
        assertThat(running).isEqualTo(ValidFollowers.GROUPS);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONSUMED")
    void aValidRecordBehindAPoisonRecordOnTheSamePartitionIsProcessedByEveryGroupThatReadsTheTopic(
            String topic) {
        var follower = ValidFollowers.of(topic, UUID.fromString(household));
        Set<String> groups = ValidFollowers.GROUPS.get(topic);
        String marker = "poison-" + UUID.randomUUID();
        RecordMetadata poison =
                Evidence.write(
                        infra.bootstrapServers(),
                        topic,
                        follower.key(),
                        ("{not json " + marker).getBytes(StandardCharsets.UTF_8));
        RecordMetadata valid =
                Evidence.write(
                        infra.bootstrapServers(),
                        topic,
                        follower.key(),
                        Evidence.json.writeValueAsBytes(follower.event()));
        assertThat(valid.partition()).as("same key, same partition").isEqualTo(poison.partition());
        assertThat(valid.offset()).isGreaterThan(poison.offset());

        var partition = new TopicPartition(topic, valid.partition());
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(
                        () ->
                                assertThat(
                                                Evidence.committedOffsets(
                                                        infra.bootstrapServers(),
                                                        groups,
                                                        partition))
                                        .as("committed offsets on " + partition)
                                        .containsOnlyKeys(groups)
                                        .allSatisfy(
                                                (group, next) ->
                                                        assertThat(next)
                                                                .as(group)
                                                                .isGreaterThan(valid.offset())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> FollowerEffects.applied(follower, stevens));
        assertThat(deadLettersWith(topic, marker))
                .as("the poison record, dead-lettered once by each group")
                .extracting(r -> Evidence.header(r, "kafka_dlt-original-consumer-group"))
                .containsExactlyInAnyOrderElementsOf(groups);
        assertThat(deadLettersWith(topic, follower.event().id().toString()))
                .as("the valid record is not dead-lettered")
                .isEmpty();
    }

    /**
     * An edit that arrives before the memory it edits is dead-lettered ("memory … is unknown"): a
     * cause outside the record. Once the memory exists, the owner replays it from the dashboard;
     * replaying it again later (an operator retrying) changes nothing, not even a newer edit.
     */
    @Test
    void aDeadLetteredEditIsAppliedOnceWhenReplayedFromTheDashboardAfterItsMemoryExists() {
        var notebook = new CommandsForOneMemory(infra.bootstrapServers(), stevens, household);
        String marker = "replay-" + UUID.randomUUID();
        UUID early = notebook.send(MemoryCommandIssued.Action.EDIT, "Edited " + marker);
        ConsumerRecord<String, byte[]> dead =
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> deadLettersWith(Topics.MEMORY_COMMANDS, early.toString()),
                                letters -> letters.size() == 1)
                        .get(0);
        String reason = "memory " + notebook.memory() + " is unknown";
        assertThat(Evidence.header(dead, "kafka_dlt-exception-message")).contains(reason);
        var page =
                new DeadLettersPage(DashboardSession.login(stevens.memoryPort(), "demo", PASSWORD));
        assertThat(page.shown()).contains(reason).contains(early.toString());

        // the fix: the memory now exists
        notebook.send(MemoryCommandIssued.Action.CREATE, "Original " + marker);
        await().atMost(Duration.ofSeconds(60)).until(notebook::version, v -> v == 1);

        page.replay(dead);
        await().atMost(Duration.ofSeconds(60)).until(notebook::version, v -> v == 2);
        assertThat(notebook.text()).isEqualTo("Edited " + marker);

        notebook.send(MemoryCommandIssued.Action.EDIT, "Newer " + marker);
        await().atMost(Duration.ofSeconds(60)).until(notebook::version, v -> v == 3);
        page.replay(dead);
        notebook.awaitProcessedToTheEnd();

        assertThat(notebook.text()).isEqualTo("Newer " + marker);
        assertThat(notebook.revisions()).isEqualTo(3);
        assertThat(deadLettersWith(Topics.MEMORY_COMMANDS, early.toString()))
                .as("no new dead letter")
                .hasSize(1);
        assertThat(page.shown()).contains("replayed ");
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
}
