package dev.stevens.memory.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestImports;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class OutboxRelayTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired SwitchableOutboxSender sender;
    @Autowired OutboxProperties properties;

    @AfterEach
    void brokerBack() {
        sender.failEverySend(false);
    }

    @Test
    void aCommittedChangeIsPublishedAtOnceNotAtTheNextPoll() {
        assertThat(properties.pollInterval()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        UUID household = households.create(NewHousehold.named("Outbox " + UUID.randomUUID()));
        var event =
                TestImports.event(
                        household, "reminder", "wake-1", LocalDate.of(2026, 3, 2), "Bins", "home");
        new TestImports(json).send(event);

        // the relay polls every ten minutes here: only the commit's wake-up can publish this
        await().atMost(Duration.ofSeconds(20))
                .until(() -> published(event.id().toString()), found -> found);
    }

    @Test
    void aChangeCommittedWhilePublishingFailsIsPublishedExactlyOnceWhenTheRelayRecovers() {
        UUID household = households.create(NewHousehold.named("Outbox " + UUID.randomUUID()));
        sender.failEverySend(true);
        int failuresBefore = sender.failures();

        var event =
                TestImports.event(
                        household,
                        "calendar",
                        "k-1",
                        LocalDate.of(2026, 3, 1),
                        "Piano lesson",
                        "kids");
        new TestImports(json).send(event);

        // committed: the memory and its outbox record exist ...
        await().atMost(Duration.ofSeconds(20))
                .until(
                        () ->
                                jdbc.sql("select count(*) from memories where last_event_id = :e")
                                                .param("e", event.id())
                                                .query(Long.class)
                                                .single()
                                        == 1);
        UUID memory =
                jdbc.sql("select id from memories where last_event_id = :e")
                        .param("e", event.id())
                        .query(UUID.class)
                        .single();
        // ... the relay has tried and failed to publish it several times, so it is still waiting
        // ...
        await().until(() -> sender.failures() > failuresBefore + 3);
        assertThat(outboxRows(memory)).isEqualTo(1);
        assertThat(TestKafka.readAllWithKey(Topics.MEMORIES, memory)).isEmpty();

        // ... and once publishing works again it goes out once and leaves the outbox
        sender.failEverySend(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> outboxRows(memory) == 0);
        var published = TestKafka.readAllWithKey(Topics.MEMORIES, memory);
        assertThat(published).hasSize(1);
        JsonNode data = json.readTree(published.get(0).value()).get("data");
        assertThat(data.get("text").asString()).isEqualTo("Piano lesson");
        assertThat(data.get("date").asString()).isEqualTo("2026-03-01");
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("causedBy").asString()).isEqualTo(event.id().toString());
    }

    private boolean published(String causedBy) {
        UUID memory =
                jdbc.sql("select id from memories where last_event_id = cast(:e as uuid)")
                        .param("e", causedBy)
                        .query(UUID.class)
                        .optional()
                        .orElse(null);
        return memory != null
                && TestKafka.readAllWithKey(Topics.MEMORIES, memory).stream()
                        .anyMatch(
                                r ->
                                        json.readTree(r.value())
                                                .path("data")
                                                .path("causedBy")
                                                .asString()
                                                .equals(causedBy));
    }

    private long outboxRows(UUID memory) {
        return jdbc.sql("select count(*) from outbox where record_key = :k")
                .param("k", memory.toString())
                .query(Long.class)
                .single();
    }
}
