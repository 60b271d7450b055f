package dev.stevens.memory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestApi;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import dev.stevens.memory.households.Scopes;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MemoryServiceTest
class MemoryCommandsApiTest {

    @Autowired Households households;
    @LocalServerPort int port;

    TestApi api;
    Households.Created household;

    @BeforeEach
    void freshHousehold() {
        api = new TestApi(port);
        household =
                households.createWithToken(
                        NewHousehold.named("Commands API " + UUID.randomUUID()), Scopes.ALL);
    }

    @Test
    void theDashboardCreatesEditsDeletesAndRestoresThroughCommands() {
        var created =
                api.send(
                        "POST",
                        "/api/v1/memories",
                        household.token(),
                        "{\"text\":\"Piano recital\",\"date\":\"2026-12-12\",\"tags\":[\"music\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(202);
        String id = created.json().get("memoryId").asString();
        assertThat(created.json().get("commandId").asString()).isNotBlank();
        await().until(() -> detail(id).status() == 200);
        assertThat(detail(id).json().get("source").asString()).isEqualTo("dashboard");

        assertThat(
                        api.send(
                                        "PATCH",
                                        "/api/v1/memories/" + id,
                                        household.token(),
                                        "{\"text\":\"Piano recital at 6\",\"expectedVersion\":1}")
                                .status())
                .isEqualTo(202);
        await().until(() -> detail(id).json().get("version").asLong() == 2);
        assertThat(detail(id).json().get("text").asString()).isEqualTo("Piano recital at 6");
        assertThat(detail(id).json().get("date").asString()).isEqualTo("2026-12-12");

        assertThat(api.send("DELETE", "/api/v1/memories/" + id, household.token(), null).status())
                .isEqualTo(202);
        await().until(() -> detail(id).json().get("deleted").asBoolean());
        assertThat(ids("/api/v1/memories")).doesNotContain(id);
        assertThat(ids("/api/v1/memories?includeDeleted=true")).contains(id);

        assertThat(
                        api.send(
                                        "POST",
                                        "/api/v1/memories/" + id + "/restore",
                                        household.token(),
                                        null)
                                .status())
                .isEqualTo(202);
        await().until(() -> !detail(id).json().get("deleted").asBoolean());
        JsonNode revisions = detail(id).json().get("revisions");
        assertThat(revisions).hasSize(4);
        revisions.forEach(r -> assertThat(r.get("actor").asString()).isEqualTo("dashboard:api"));
    }

    @Test
    void changesNeedTheWriteScopeAndAMemoryOfTheCallersHousehold() {
        var readOnly =
                households.createWithToken(
                        NewHousehold.named("Reader " + UUID.randomUUID()),
                        List.of(Scopes.MEMORIES_READ));
        assertThat(
                        api.send("POST", "/api/v1/memories", readOnly.token(), "{\"text\":\"x\"}")
                                .status())
                .isEqualTo(403);
        assertThat(
                        api.send(
                                        "DELETE",
                                        "/api/v1/memories/" + UUID.randomUUID(),
                                        household.token(),
                                        null)
                                .status())
                .isEqualTo(404);
    }

    @Test
    void invalidBodiesAreAnsweredWithAProblemNamingTheField() {
        assertField(
                api.send("POST", "/api/v1/memories", household.token(), "{\"text\":\"  \"}"),
                "text");
        assertField(
                api.send(
                        "POST",
                        "/api/v1/memories",
                        household.token(),
                        "{\"text\":\"" + "x".repeat(4001) + "\"}"),
                "text");
        assertField(
                api.send(
                        "POST",
                        "/api/v1/memories",
                        household.token(),
                        "{\"text\":\"a\",\"date\":\"soon\"}"),
                "date");
    }

    private void assertField(TestApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private TestApi.Response detail(String id) {
        return api.get("/api/v1/memories/" + id, household.token());
    }

    private List<String> ids(String path) {
        var response = api.get(path, household.token());
        assertThat(response.status()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
