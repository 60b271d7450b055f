package dev.stevens.memory.api;

import static dev.stevens.memory.TestImports.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.ImportReceived;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestApi;
import dev.stevens.memory.TestImports;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import dev.stevens.memory.households.Scopes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class MemoriesApiTest {

    @Autowired Households households;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    TestApi api;
    TestImports imports;
    Households.Created household;

    @BeforeEach
    void freshHousehold() {
        api = new TestApi(port);
        imports = new TestImports(json);
        household = newHousehold();
    }

    @Test
    void anImportedMemoryCanBeReadWithItsRevisions() {
        ImportReceived first =
                imports.send(
                        event(
                                household.household(),
                                "calendar",
                                "e-1",
                                LocalDate.of(2026, 7, 1),
                                "Picnic",
                                "fun"));
        imports.send(
                event(
                        household.household(),
                        "calendar",
                        "e-1",
                        LocalDate.of(2026, 7, 2),
                        "Picnic moved",
                        "fun"));
        await().until(
                        () ->
                                items("/api/v1/memories").size() == 1
                                        && items("/api/v1/memories").get(0).get("version").asLong()
                                                == 2);

        JsonNode item = items("/api/v1/memories").get(0);
        assertThat(item.get("text").asString()).isEqualTo("Picnic moved");
        assertThat(item.get("date").asString()).isEqualTo("2026-07-02");
        assertThat(item.get("source").asString()).isEqualTo("calendar");
        assertThat(item.get("externalKey").asString()).isEqualTo("e-1");
        assertThat(item.get("tags").toString()).isEqualTo("[\"fun\"]");

        var detail = api.get("/api/v1/memories/" + item.get("id").asString(), household.token());
        assertThat(detail.status()).isEqualTo(200);
        JsonNode revisions = detail.json().get("revisions");
        assertThat(detail.json().get("text").asString()).isEqualTo("Picnic moved");
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("text").asString()).isEqualTo("Picnic");
        assertThat(revisions.get(0).get("eventId").asString()).isEqualTo(first.id().toString());
        assertThat(revisions.get(1).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void callsWithoutAValidTokenAreRefused() {
        assertThat(api.get("/api/v1/memories", null).status()).isEqualTo(401);
        var wrong = api.get("/api/v1/memories", "stv_not-a-token");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        var importOnly =
                households.createWithToken(
                        NewHousehold.named("Importer"), List.of(Scopes.IMPORTS_WRITE));
        assertThat(api.get("/api/v1/memories", importOnly.token()).status()).isEqualTo(403);
        assertThat(api.get("/somewhere/else", household.token()).status()).isEqualTo(403);
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void aHouseholdNeverSeesAnotherHouseholdsMemories() {
        var other = newHousehold();
        imports.send(other.household(), "The other household's secret");
        imports.send(household.household(), "Mine");
        await().until(() -> items("/api/v1/memories").size() == 1);
        await().until(() -> itemsOf(other, "/api/v1/memories").size() == 1);
        String othersId = itemsOf(other, "/api/v1/memories").get(0).get("id").asString();

        assertThat(items("/api/v1/memories?q=secret")).isEmpty();
        var response = api.get("/api/v1/memories/" + othersId, household.token());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("secret");
        assertThat(api.get("/api/v1/memories/" + UUID.randomUUID(), household.token()).status())
                .isEqualTo(404);
    }

    @Test
    void invalidParametersAreAnsweredWithAProblemNamingTheField() {
        assertProblem("/api/v1/memories?from=yesterday", "from");
        assertProblem("/api/v1/memories?from=2026-05-02&to=2026-05-01", "to");
        assertProblem("/api/v1/memories?limit=201", "limit");
        assertProblem("/api/v1/memories?limit=0", "limit");
        assertProblem("/api/v1/memories?cursor=garbage", "cursor");
    }

    @Test
    void filtersNarrowTheList() {
        imports.send(
                event(
                        household.household(),
                        "calendar",
                        null,
                        LocalDate.of(2026, 1, 10),
                        "Dentist",
                        "health"));
        imports.send(
                event(
                        household.household(),
                        "calendar",
                        null,
                        LocalDate.of(2026, 1, 20),
                        "School trip 100%"));
        imports.send(
                event(
                        household.household(),
                        "weather",
                        null,
                        LocalDate.of(2026, 1, 20),
                        "Rain expected"));
        imports.send(
                event(
                        household.household(),
                        "note",
                        null,
                        null,
                        "Allergic to penicillin",
                        "health"));
        await().until(() -> items("/api/v1/memories").size() == 4);

        assertThat(texts("from=2026-01-15")).containsExactly("School trip 100%", "Rain expected");
        assertThat(texts("from=2026-01-10&to=2026-01-10")).containsExactly("Dentist");
        assertThat(texts("undated=true")).containsExactly("Allergic to penicillin");
        assertThat(texts("undated=false")).hasSize(3);
        assertThat(texts("source=weather")).containsExactly("Rain expected");
        assertThat(texts("tag=health")).containsExactly("Dentist", "Allergic to penicillin");
        assertThat(texts("q=DENTIST")).containsExactly("Dentist");
        assertThat(texts("q=100%25")).containsExactly("School trip 100%");
        assertThat(texts("q=%25")).containsExactly("School trip 100%");
    }

    @Test
    void paginationReturnsEveryMemoryExactlyOnceDatedFirstThenUndated() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            LocalDate date = i % 3 == 0 ? null : LocalDate.of(2026, 2, 1 + i % 4);
            String text = "memory " + i;
            imports.send(event(household.household(), "note", null, date, text));
            sent.add(text);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> items("/api/v1/memories?limit=200").size() == 11);

        List<JsonNode> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page =
                    api.get(
                                    "/api/v1/memories?limit=4"
                                            + (cursor == null ? "" : "&cursor=" + cursor),
                                    household.token())
                            .json();
            page.get("items").forEach(seen::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen.stream().map(item -> item.get("text").asString()))
                .containsExactlyInAnyOrderElementsOf(sent);
        List<String> dates =
                seen.stream()
                        .map(
                                item ->
                                        item.get("date").isNull()
                                                ? "~undated"
                                                : item.get("date").asString())
                        .toList();
        assertThat(dates).isSorted();
    }

    private Households.Created newHousehold() {
        return households.createWithToken(
                NewHousehold.named("API " + UUID.randomUUID()), Scopes.ALL);
    }

    private void assertProblem(String path, String field) {
        var response = api.get(path, household.token());
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString())
                .as(path)
                .isEqualTo(field);
    }

    private List<String> texts(String query) {
        return items("/api/v1/memories?" + query).stream()
                .map(item -> item.get("text").asString())
                .toList();
    }

    private List<JsonNode> items(String path) {
        return itemsOf(household, path);
    }

    private List<JsonNode> itemsOf(Households.Created caller, String path) {
        var response = api.get(path, caller.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }
}
