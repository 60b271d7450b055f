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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@MemoryServiceTest
class SearchAndStatsApiTest {

    @Autowired Households households;
    @Autowired JsonMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired dev.stevens.memory.notebook.Retention retention;
    @LocalServerPort int port;

    TestApi api;
    TestImports imports;
    Households.Created household;

    @BeforeEach
    void freshHousehold() {
        api = new TestApi(port);
        imports = new TestImports(json);
        household =
                households.createWithToken(
                        NewHousehold.named("Search " + UUID.randomUUID()), Scopes.ALL);
    }

    @Test
    void fullTextSearchRanksBestMatchesFirstWithHighlightedSnippets() {
        send("note", null, "The dentist said to floss; dentist again in May", "health");
        send("note", null, "Book the dentist", "errands");
        send("note", null, "Swimming lessons <b>on Friday</b>");
        await().until(() -> items("").size() == 3);

        List<JsonNode> hits = items("q=dentists");
        assertThat(hits)
                .extracting(h -> h.get("text").asString())
                .containsExactly(
                        "The dentist said to floss; dentist again in May", "Book the dentist");
        assertThat(hits.get(0).get("snippet").asString()).contains("<mark>dentist</mark>");
        assertThat(texts("q=" + enc("\"book the dentist\""))).containsExactly("Book the dentist");
        assertThat(texts("q=dentist+-floss")).containsExactly("Book the dentist");
        assertThat(texts("q=swimming")).hasSize(1);
        assertThat(items("q=friday").get(0).get("snippet").asString())
                .contains("&lt;b&gt;on <mark>Friday</mark>")
                .doesNotContain("<b>");
        assertThat(texts("q=health")).hasSize(1); // tags are searchable too
    }

    @Test
    void rankedResultsPageWithAStableCursor() {
        for (int i = 0; i < 7; i++) {
            send("note", null, "garden task " + i + " garden".repeat(i % 3));
        }
        await().until(() -> items("").size() == 7);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page =
                    api.get(
                                    "/api/v1/memories?q=garden&limit=3"
                                            + (cursor == null ? "" : "&cursor=" + cursor),
                                    household.token())
                            .json();
            page.get("items").forEach(item -> seen.add(item.get("text").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen.subList(0, 2)).allMatch(text -> text.endsWith("garden garden"));
    }

    @Test
    void sqlMetacharactersInTheQueryAreHarmless() {
        send("note", null, "Robert'); DROP TABLE memories;-- is a name");
        await().until(() -> items("").size() == 1);
        for (String q :
                List.of(
                        "'); DROP TABLE memories;--",
                        "\\",
                        "' or 1=1 --",
                        "%_",
                        "!(&|:*)",
                        "\"unclosed")) {
            var response = api.get("/api/v1/memories?q=" + enc(q), household.token());
            assertThat(response.status()).as(q).isEqualTo(200);
        }
        assertThat(texts("q=" + enc("'); DROP TABLE memories;--"))).hasSize(1);
        assertThat(texts("q=" + enc("' or 1=1 --"))).isEmpty();
        assertThat(jdbc.sql("select count(*) from memories").query(Long.class).single())
                .isPositive();
    }

    @Test
    void archivedExpiredAndDeletedMemoriesAreHiddenUnlessAskedFor() {
        imports.send(
                ImportReceived.of(
                        UUID.randomUUID(),
                        "/ingest/test",
                        Instant.now(),
                        household.household(),
                        new ImportReceived.Data(
                                "weather",
                                "Frost last week",
                                "f",
                                LocalDate.of(2026, 1, 1),
                                List.of(),
                                null,
                                null,
                                LocalDate.of(2026, 1, 2))));
        imports.send(
                event(
                        household.household(),
                        "weather",
                        "old",
                        LocalDate.of(2020, 1, 1),
                        "Still true"));
        await().until(() -> items("includeArchived=true").size() == 2);
        retention.archiveDue(LocalDate.now());
        assertThat(items("")).isEmpty();
        assertThat(texts("includeArchived=true"))
                .containsExactlyInAnyOrder("Frost last week", "Still true");
        assertThat(items("includeArchived=true&q=frost").get(0).get("validUntil").asString())
                .isEqualTo("2026-01-02");
    }

    @Test
    void statsCountMemoriesPerSourcePerDay() {
        send("weather", null, "Sunny");
        send("weather", null, "Cloudy");
        send("calendar", null, "Dentist");
        await().until(() -> items("").size() == 3);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        var response =
                api.get(
                        "/api/v1/memories/stats?from="
                                + today.minusDays(1)
                                + "&to="
                                + today.plusDays(1),
                        household.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> counts = new ArrayList<>();
        response.json()
                .get("counts")
                .forEach(
                        c ->
                                counts.add(
                                        c.get("source").asString()
                                                + "="
                                                + c.get("count").asLong()));
        assertThat(counts).containsExactly("calendar=1", "weather=2");
        assertThat(response.json().get("counts").get(0).get("date").asString())
                .isEqualTo(today.toString());
    }

    @Test
    void badFilterValuesAreAnsweredWithAProblemNamingTheField() {
        assertProblem("/api/v1/memories?includeDeleted=perhaps", "includeDeleted");
        assertProblem("/api/v1/memories?includeArchived=2", "includeArchived");
        assertProblem("/api/v1/memories?undated=maybe", "undated");
        assertProblem("/api/v1/memories?source=" + enc("Not A Source"), "source");
        assertProblem("/api/v1/memories?to=2026-13-01", "to");
        assertProblem("/api/v1/memories?q=" + "x".repeat(501), "q");
        assertProblem("/api/v1/memories/stats?from=2026-01-01", "to");
        assertProblem("/api/v1/memories/stats?from=2026-01-02&to=2026-01-01", "to");
        assertProblem("/api/v1/memories/stats?from=2024-01-01&to=2026-01-01", "to");
        assertProblem("/api/v1/memories/stats?from=x&to=2026-01-01", "from");
    }

    private void assertProblem(String path, String field) {
        var response = api.get(path, household.token());
        assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).as(path).contains("\"" + field + "\"");
    }

    private void send(String source, String key, String text, String... tags) {
        imports.send(event(household.household(), source, key, null, text, tags));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private List<String> texts(String query) {
        return items(query).stream().map(item -> item.get("text").asString()).toList();
    }

    private List<JsonNode> items(String query) {
        var response = api.get("/api/v1/memories?limit=200&" + query, household.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }
}
