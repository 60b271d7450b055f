package dev.stevens.memory.notebook;

import static dev.stevens.memory.TestImports.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestImports;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class DeadLetterTest {

    static final String REASON = "kafka_dlt-exception-message";

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    @Test
    void invalidEventsGoToTheDeadLetterTopicWithAReasonAndDoNotBlockThePartition() {
        UUID household = households.create(NewHousehold.named("DLT " + UUID.randomUUID()));
        String key = household.toString(); // all on the household's partition, in this order
        byte[] blankText = json.writeValueAsBytes(event(household, "note", null, null, "   "));
        byte[] unknownHousehold =
                json.writeValueAsBytes(event(UUID.randomUUID(), "note", null, null, "Who am I?"));
        byte[] badSource =
                json.writeValueAsBytes(event(household, "Not A Source!", null, null, "text"));
        byte[] tooLong =
                json.writeValueAsBytes(event(household, "note", null, null, "x".repeat(4001)));
        byte[] notJson = ("not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        for (byte[] value :
                new byte[][] {blankText, unknownHousehold, badSource, tooLong, notJson}) {
            TestKafka.send(Topics.IMPORTS, key, value);
        }
        new TestImports(json).send(household, "Still applied after the poison records");

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                jdbc.sql("select count(*) from memories where household_id = :h")
                                                .param("h", household)
                                                .query(Long.class)
                                                .single()
                                        == 1);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            var dead =
                                    TestKafka.readAllWithKey(
                                            Topics.deadLetterOf(Topics.IMPORTS), key);
                            assertThat(reasonFor(dead, blankText)).contains("data.text");
                            assertThat(reasonFor(dead, unknownHousehold))
                                    .contains("household")
                                    .contains("unknown");
                            assertThat(reasonFor(dead, badSource)).contains("data.source");
                            assertThat(reasonFor(dead, tooLong))
                                    .contains("data.text")
                                    .contains("4000");
                            assertThat(reasonFor(dead, notJson)).isNotBlank();
                        });
    }

    static String reasonFor(java.util.List<ConsumerRecord<String, byte[]>> dead, byte[] value) {
        return dead.stream()
                .filter(record -> Arrays.equals(record.value(), value))
                .map(record -> record.headers().lastHeader(REASON))
                .map(
                        header ->
                                header == null
                                        ? "<no reason header>"
                                        : new String(header.value(), StandardCharsets.UTF_8))
                .findFirst()
                .orElse("<not dead-lettered>");
    }
}
