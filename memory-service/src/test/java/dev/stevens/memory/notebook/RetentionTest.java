package dev.stevens.memory.notebook;

import static dev.stevens.memory.TestImports.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestImports;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.TestNotebook;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class RetentionTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper json;
    @Autowired Retention retention;
    @Autowired RetentionProperties properties;

    @Test
    void theDefaultRulesAreWeather14MailAndCalendar30DaysAfterTheirDate() {
        assertThat(properties.rules())
                .containsEntry("weather", Duration.ofDays(14))
                .containsEntry("mail", Duration.ofDays(90))
                .containsEntry("calendar", Duration.ofDays(30));
        assertThat(properties.enabled()).isTrue();
    }

    @Test
    void memoriesPastTheirSourcesRuleAreArchivedAsANewVersionNotDeleted() {
        UUID household = households.create(NewHousehold.named("Retention " + UUID.randomUUID()));
        var notebook = new TestNotebook(jdbc);
        var imports = new TestImports(json);
        LocalDate today = LocalDate.of(2026, 6, 30);
        imports.send(event(household, "weather", "old", today.minusDays(15), "Old forecast"));
        imports.send(event(household, "weather", "fresh", today.minusDays(13), "Recent forecast"));
        imports.send(
                event(household, "calendar", "party", today.minusDays(31), "Party last month"));
        imports.send(event(household, "calendar", "soon", today.minusDays(29), "Recent party"));
        imports.send(event(household, "note", "keep", today.minusYears(3), "Notes never expire"));
        await().until(() -> notebook.memories(household).size() == 5);

        retention.archiveDue(today);

        assertThat(notebook.memories(household))
                .filteredOn(TestNotebook.Row::archived)
                .extracting(TestNotebook.Row::externalKey)
                .containsExactlyInAnyOrder("old", "party");
        var archived = notebook.byKey(household, "old");
        assertThat(archived.deleted()).isFalse();
        assertThat(archived.version()).isEqualTo(2);
        assertThat(notebook.actors(archived.id()))
                .containsExactly("import:weather", "retention:weather");
        await().until(() -> TestKafka.readAllWithKey(Topics.MEMORIES, archived.id()).size() == 2);
        var snapshot =
                json.readTree(
                        TestKafka.readAllWithKey(Topics.MEMORIES, archived.id()).get(1).value());
        assertThat(snapshot.get("data").get("archived").asBoolean()).isTrue();

        retention.archiveDue(today); // a second run finds nothing new
        assertThat(notebook.byKey(household, "old").version()).isEqualTo(2);
    }
}
