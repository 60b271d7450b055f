package dev.stevens.memory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestApi;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import dev.stevens.memory.households.Scopes;
import dev.stevens.support.security.ApiTokens;
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
class ApiTokensTest {

    @Autowired Households households;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    TestApi api;
    Households.Created owner;

    @BeforeEach
    void freshHousehold() {
        api = new TestApi(port);
        owner =
                households.createWithToken(
                        NewHousehold.named("Tokens " + UUID.randomUUID()), Scopes.ALL);
    }

    @Test
    void anOwnerCreatesATokenThatIsShownOnceListedWithoutSecretAndWorks() {
        var created =
                api.send(
                        "POST",
                        "/api/v1/tokens",
                        owner.token(),
                        "{\"label\":\"kitchen tablet\",\"scopes\":[\"memories:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().get("token").asString();
        String id = created.json().get("id").asString();
        assertThat(created.json().get("scopes").toString()).isEqualTo("[\"memories:read\"]");

        assertThat(api.get("/api/v1/memories", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tokens", token).status()).isEqualTo(403); // no tokens:admin

        var list = api.get("/api/v1/tokens", owner.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body())
                .contains("kitchen tablet")
                .doesNotContain(token)
                .doesNotContain("sha");
        assertThat(labels(list.json())).containsExactly("initial", "kitchen tablet");
        await().until(() -> publishedHashes().contains(ApiTokens.sha256Hex(token)));

        assertThat(api.send("DELETE", "/api/v1/tokens/" + id, owner.token(), null).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/memories", token).status()).isEqualTo(401);
        assertThat(labels(api.get("/api/v1/tokens", owner.token()).json()))
                .containsExactly("initial");
        await().until(
                        () ->
                                !publishedHashes().contains(ApiTokens.sha256Hex(token))
                                        && publishedHashes()
                                                .contains(ApiTokens.sha256Hex(owner.token())));
        assertThat(api.send("DELETE", "/api/v1/tokens/" + id, owner.token(), null).status())
                .isEqualTo(404);
    }

    @Test
    void scopesMustBeKnownAndTheLabelPresent() {
        var bad =
                api.send(
                        "POST",
                        "/api/v1/tokens",
                        owner.token(),
                        "{\"label\":\"x\",\"scopes\":[\"memories:read\",\"root\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("scopes");
        var noLabel =
                api.send(
                        "POST",
                        "/api/v1/tokens",
                        owner.token(),
                        "{\"scopes\":[\"memories:read\"]}");
        assertThat(noLabel.status()).isEqualTo(400);
        assertThat(noLabel.json().get("errors").get(0).get("field").asString()).isEqualTo("label");
    }

    @Test
    void anotherHouseholdsTokenCannotBeRevoked() {
        var other =
                households.createWithToken(
                        NewHousehold.named("Other " + UUID.randomUUID()), Scopes.ALL);
        String othersId =
                api.get("/api/v1/tokens", other.token())
                        .json()
                        .get("tokens")
                        .get(0)
                        .get("id")
                        .asString();
        assertThat(api.send("DELETE", "/api/v1/tokens/" + othersId, owner.token(), null).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/memories", other.token()).status()).isEqualTo(200);
    }

    private static List<String> labels(JsonNode list) {
        List<String> labels = new ArrayList<>();
        list.get("tokens").forEach(token -> labels.add(token.get("label").asString()));
        return labels;
    }

    private List<String> publishedHashes() {
        var records = TestKafka.readAllWithKey(Topics.HOUSEHOLDS, owner.household());
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> hashes = new ArrayList<>();
        json.readTree(records.get(records.size() - 1).value())
                .get("data")
                .get("apiTokens")
                .forEach(token -> hashes.add(token.get("sha256").asString()));
        return hashes;
    }
}
