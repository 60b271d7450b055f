package dev.stevens.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.events.Topics;
import dev.stevens.ingest.TestHouseholds;
import dev.stevens.ingest.TestHouseholds.Registered;
import dev.stevens.ingest.TestHttp;
import dev.stevens.ingest.kafka.TopicRecords;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.testing.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class ImportApiTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String BATCH = "/api/v1/imports/batch";

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory directory;
    @Autowired JsonMapper json;

    TestHttp http;
    Registered caller;

    @BeforeEach
    void freshHouseholdWithImportToken() {
        http = new TestHttp(port, json);
        caller = new TestHouseholds(publisher, directory).register("imports:write");
    }

    @Test
    void anAcceptedImportIsOnTheImportsTopicKeyedByHouseholdBeforeTheAnswer() {
        var response =
                http.post(
                        IMPORTS,
                        caller.token(),
                        """
                        {"source": "calendar", "text": "Dentist at 10:00", "externalKey": "evt-1",
                         "date": "2026-11-25", "tags": ["health"],
                         "occurredAt": "2026-11-20T08:00:00Z", "unknownField": true}
                        """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode body = http.json(response);
        String eventId = body.path("eventId").asString();
        assertThat(UUID.fromString(eventId)).isNotNull();
        assertThat(body.path("household").asString()).isEqualTo(caller.household().toString());

        var records = TopicRecords.of(Topics.IMPORTS, caller.household());
        assertThat(records).hasSize(1);
        var record = records.get(0);
        assertThat(record.headers().lastHeader("__TypeId__")).isNull();
        JsonNode event = json.readTree(record.value());
        assertThat(event.path("id").asString()).isEqualTo(eventId);
        assertThat(event.path("type").asString()).isEqualTo("dev.stevens.import.received");
        assertThat(event.path("source").asString()).isEqualTo("/ingest/api");
        assertThat(event.path("household").asString()).isEqualTo(caller.household().toString());
        assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(event.path("time").asString()).isNotBlank();
        JsonNode data = event.path("data");
        assertThat(data.path("source").asString()).isEqualTo("calendar");
        assertThat(data.path("text").asString()).isEqualTo("Dentist at 10:00");
        assertThat(data.path("externalKey").asString()).isEqualTo("evt-1");
        assertThat(data.path("date").asString()).isEqualTo("2026-11-25");
        assertThat(data.path("tags").get(0).asString()).isEqualTo("health");
        assertThat(data.path("occurredAt").asString()).isEqualTo("2026-11-20T08:00:00Z");
    }

    @Test
    void aBatchOfThreeIsAcceptedAsThreeRecords() {
        var response =
                http.post(
                        BATCH,
                        caller.token(),
                        """
                        [{"source": "mail", "text": "one"},
                         {"source": "mail", "text": "two"},
                         {"source": "mail", "text": "three", "date": "2026-11-26"}]
                        """);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        List<String> ids =
                http.json(response).path("eventIds").valueStream().map(JsonNode::asString).toList();
        assertThat(ids).hasSize(3).doesNotHaveDuplicates();

        var records = TopicRecords.of(Topics.IMPORTS, caller.household());
        assertThat(records)
                .extracting(r -> json.readTree(r.value()).path("id").asString())
                .containsExactlyElementsOf(ids);
        assertThat(records)
                .extracting(r -> json.readTree(r.value()).path("data").path("text").asString())
                .containsExactly("one", "two", "three");
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSameEventId() {
        String body = "{\"source\": \"reminder\", \"text\": \"Buy milk\"}";

        var first = http.post(IMPORTS, caller.token(), body, "Idempotency-Key", "retry-42");
        var second = http.post(IMPORTS, caller.token(), body, "Idempotency-Key", "retry-42");
        var other = http.post(IMPORTS, caller.token(), body, "Idempotency-Key", "retry-43");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        String id = http.json(first).path("eventId").asString();
        assertThat(http.json(second).path("eventId").asString()).isEqualTo(id);
        assertThat(http.json(other).path("eventId").asString()).isNotEqualTo(id);
    }

    @Test
    void aRetriedBatchWithTheSameIdempotencyKeyAnswersTheSameEventIds() {
        String body =
                "[{\"source\": \"mail\", \"text\": \"a\"}, {\"source\": \"mail\", \"text\": \"b\"}]";

        var first = http.post(BATCH, caller.token(), body, "Idempotency-Key", "batch-7");
        var second = http.post(BATCH, caller.token(), body, "Idempotency-Key", "batch-7");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(http.json(second).path("eventIds")).isEqualTo(http.json(first).path("eventIds"));
    }

    @Test
    void withoutIdempotencyKeyEveryRequestGetsANewEventId() {
        String body = "{\"source\": \"reminder\", \"text\": \"Buy milk\"}";

        var first = http.post(IMPORTS, caller.token(), body);
        var second = http.post(IMPORTS, caller.token(), body);

        assertThat(http.json(first).path("eventId").asString())
                .isNotEqualTo(http.json(second).path("eventId").asString());
    }

    @Test
    void anInvalidIdempotencyKeyIsRefused() {
        var response =
                http.post(
                        IMPORTS,
                        caller.token(),
                        "{\"source\": \"reminder\", \"text\": \"x\"}",
                        "Idempotency-Key",
                        "k".repeat(201));

        http.assertProblem(response, 400, "Idempotency-Key");
        assertThat(TopicRecords.of(Topics.IMPORTS, caller.household())).isEmpty();
    }
}
