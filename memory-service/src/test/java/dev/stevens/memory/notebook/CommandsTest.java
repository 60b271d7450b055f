package dev.stevens.memory.notebook;

import static dev.stevens.memory.TestCommands.command;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.MemoryCommandIssued.Action;
import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestCommands;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.TestNotebook;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class CommandsTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;

    TestCommands commands;
    TestNotebook notebook;
    UUID household;

    @BeforeEach
    void freshHousehold() {
        commands = new TestCommands(json);
        notebook = new TestNotebook(jdbc);
        household = households.create(NewHousehold.named("Commands " + UUID.randomUUID()));
    }

    @Test
    void createEditDeleteAndRestoreKeepARevisionHistoryWithTheActor() {
        UUID id = UUID.randomUUID();
        commands.send(
                command(household, data(Action.CREATE, id, "Buy milk", "telegram:Ada", null)));
        await().until(() -> notebook.byId(id) != null);
        commands.send(
                command(household, data(Action.EDIT, id, "Buy oat milk", "dashboard:demo", 1L)));
        commands.send(command(household, data(Action.DELETE, id, null, "telegram:Ada", null)));
        commands.send(command(household, data(Action.RESTORE, id, null, "dashboard:demo", 3L)));

        await().atMost(Duration.ofSeconds(20)).until(() -> notebook.byId(id).version() == 4);
        var memory = notebook.byId(id);
        assertThat(memory.text()).isEqualTo("Buy oat milk");
        assertThat(memory.deleted()).isFalse();
        assertThat(notebook.actors(id))
                .containsExactly(
                        "telegram:Ada", "dashboard:demo", "telegram:Ada", "dashboard:demo");
        assertThat(
                        jdbc.sql("select source from memories where id = :id")
                                .param("id", id)
                                .query(String.class)
                                .single())
                .isEqualTo("telegram");
        await().until(() -> TestKafka.readAllWithKey(Topics.MEMORIES, id).size() == 4);
    }

    @Test
    void aReplayedCommandIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        commands.send(
                command(household, data(Action.CREATE, id, "Water plants", "telegram:Bo", null)));
        MemoryCommandIssued edit =
                command(household, data(Action.EDIT, id, "Water the plants", "telegram:Bo", null));
        commands.send(edit);
        commands.send(edit);
        commands.send(command(household, data(Action.DELETE, id, null, "telegram:Bo", null)));

        await().until(() -> notebook.byId(id) != null && notebook.byId(id).deleted());
        assertThat(notebook.byId(id).version()).isEqualTo(3);
    }

    @Test
    void aStaleExpectedVersionOrAnUnknownMemoryIsDeadLetteredWithTheReason() {
        UUID id = UUID.randomUUID();
        commands.send(
                command(
                        household,
                        data(Action.CREATE, id, "Call the plumber", "dashboard:demo", null)));
        await().until(() -> notebook.byId(id) != null);
        MemoryCommandIssued stale =
                commands.send(
                        command(household, data(Action.EDIT, id, "Too late", "telegram:Ada", 7L)));
        MemoryCommandIssued unknown =
                commands.send(
                        command(
                                household,
                                data(
                                        Action.DELETE,
                                        UUID.randomUUID(),
                                        null,
                                        "telegram:Ada",
                                        null)));
        commands.send(
                command(
                        household,
                        data(Action.EDIT, id, "Call the plumber today", "telegram:Ada", 1L)));

        await().until(() -> notebook.byId(id).version() == 2);
        assertThat(notebook.byId(id).text()).isEqualTo("Call the plumber today");
        await().untilAsserted(
                        () -> {
                            var dead =
                                    TestKafka.readAllWithKey(
                                            Topics.deadLetterOf(Topics.MEMORY_COMMANDS), household);
                            assertThat(
                                            DeadLetterTest.reasonFor(
                                                    dead, json.writeValueAsBytes(stale)))
                                    .contains("expectedVersion 7")
                                    .contains("version 1");
                            assertThat(
                                            DeadLetterTest.reasonFor(
                                                    dead, json.writeValueAsBytes(unknown)))
                                    .contains("unknown");
                        });
    }

    @Test
    void aCommandForAnotherHouseholdsMemoryChangesNothing() {
        UUID other = households.create(NewHousehold.named("Other " + UUID.randomUUID()));
        UUID id = UUID.randomUUID();
        commands.send(
                command(other, data(Action.CREATE, id, "Other's note", "telegram:Zed", null)));
        await().until(() -> notebook.byId(id) != null);
        MemoryCommandIssued intrusion =
                commands.send(
                        command(household, data(Action.DELETE, id, null, "telegram:Eve", null)));
        await().untilAsserted(
                        () ->
                                assertThat(
                                                DeadLetterTest.reasonFor(
                                                        TestKafka.readAllWithKey(
                                                                Topics.deadLetterOf(
                                                                        Topics.MEMORY_COMMANDS),
                                                                household),
                                                        json.writeValueAsBytes(intrusion)))
                                        .contains("unknown"));
        assertThat(notebook.byId(id).deleted()).isFalse();
    }

    @Test
    void unreadableCommandsAreDeadLettered() {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);
        TestKafka.send(Topics.MEMORY_COMMANDS, household.toString(), garbage);
        await().untilAsserted(
                        () ->
                                assertThat(
                                                DeadLetterTest.reasonFor(
                                                        TestKafka.readAllWithKey(
                                                                Topics.deadLetterOf(
                                                                        Topics.MEMORY_COMMANDS),
                                                                household),
                                                        garbage))
                                        .isNotEqualTo("<not dead-lettered>"));
    }

    private static MemoryCommandIssued.Data data(
            Action action, UUID id, String text, String actor, Long expectedVersion) {
        return new MemoryCommandIssued.Data(
                action,
                id,
                text,
                action == Action.CREATE ? LocalDate.of(2026, 12, 1) : null,
                List.of(),
                actor,
                expectedVersion);
    }
}
