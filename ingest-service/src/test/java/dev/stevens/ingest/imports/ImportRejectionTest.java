package dev.stevens.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.events.Topics;
import dev.stevens.ingest.TestHouseholds;
import dev.stevens.ingest.TestHouseholds.Registered;
import dev.stevens.ingest.TestHttp;
import dev.stevens.ingest.kafka.TopicRecords;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.ApiTokens;
import dev.stevens.testing.IntegrationTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Every refusal is problem+json and names what was wrong; nothing refused reaches Kafka. */
@IntegrationTest
class ImportRejectionTest {

    private static final String IMPORTS = "/api/v1/imports";
    private static final String BATCH = "/api/v1/imports/batch";
    private static final String VALID = "{\"source\": \"calendar\", \"text\": \"Dentist\"}";

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory directory;
    @Autowired JsonMapper json;

    TestHttp http;
    TestHouseholds households;
    Registered caller;

    @BeforeEach
    void freshHouseholdWithImportToken() {
        http = new TestHttp(port, json);
        households = new TestHouseholds(publisher, directory);
        caller = households.register("imports:write");
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        http.assertProblem(http.post(IMPORTS, null, VALID), 401);
    }

    @Test
    void anUnknownTokenIsRefusedWith401() {
        http.assertProblem(http.post(IMPORTS, ApiTokens.generate(), VALID), 401);
        http.assertProblem(http.post(BATCH, "not-a-token", "[" + VALID + "]"), 401);
    }

    @Test
    void aTokenWithoutTheImportScopeIsRefusedWith403() {
        Registered reader = households.register("memories:read");

        http.assertProblem(http.post(IMPORTS, reader.token(), VALID), 403);
        http.assertProblem(http.post(BATCH, reader.token(), "[" + VALID + "]"), 403);
        assertThat(TopicRecords.of(Topics.IMPORTS, reader.household())).isEmpty();
    }

    @Test
    void malformedJsonIsRefused() {
        http.assertProblem(http.post(IMPORTS, caller.token(), "{\"source\": "), 400, "body");
    }

    @Test
    void aMissingTextIsRefusedNamingText() {
        http.assertProblem(
                http.post(IMPORTS, caller.token(), "{\"source\": \"mail\"}"), 400, "text");
    }

    @Test
    void aTextOfMoreThan4000CharactersIsRefused() {
        String body = "{\"source\": \"mail\", \"text\": \"" + "x".repeat(4001) + "\"}";
        http.assertProblem(http.post(IMPORTS, caller.token(), body), 400, "text");
    }

    @Test
    void aSourceOutsideTheAllowedCharactersIsRefusedNamingSource() {
        String body = "{\"source\": \"Calendar!\", \"text\": \"Dentist\"}";
        http.assertProblem(http.post(IMPORTS, caller.token(), body), 400, "source");
    }

    @Test
    void anImpossibleDateIsRefusedNamingDate() {
        String body = "{\"source\": \"mail\", \"text\": \"x\", \"date\": \"2026-13-45\"}";
        http.assertProblem(http.post(IMPORTS, caller.token(), body), 400, "date");
    }

    @Test
    void tooManyOrTooLongTagsAreRefused() {
        String tooLong =
                "{\"source\": \"mail\", \"text\": \"x\", \"tags\": [\"ok\", \""
                        + "t".repeat(41)
                        + "\"]}";
        http.assertProblem(http.post(IMPORTS, caller.token(), tooLong), 400, "tags[1]");
        String tooMany =
                IntStream.range(0, 21)
                        .mapToObj(i -> "\"t" + i + "\"")
                        .collect(
                                Collectors.joining(
                                        ",",
                                        "{\"source\": \"mail\", \"text\": \"x\", \"tags\": [",
                                        "]}"));
        http.assertProblem(http.post(IMPORTS, caller.token(), tooMany), 400, "tags");
    }

    @Test
    void anInvalidBatchElementIsNamedByItsPathAndNothingIsPublished() {
        String body =
                "["
                        + VALID
                        + ","
                        + VALID
                        + ","
                        + VALID
                        + ", {\"source\": \"mail\", \"text\": \"\"}]";

        http.assertProblem(http.post(BATCH, caller.token(), body), 400, "[3].text");
        assertThat(TopicRecords.of(Topics.IMPORTS, caller.household())).isEmpty();
    }

    @Test
    void aBadDateInABatchIsNamedByItsPath() {
        String body =
                "["
                        + VALID
                        + ", {\"source\": \"mail\", \"text\": \"x\", \"date\": \"2026-13-45\"}]";
        http.assertProblem(http.post(BATCH, caller.token(), body), 400, "[1].date");
    }

    @Test
    void anEmptyBatchIsRefused() {
        http.assertProblem(http.post(BATCH, caller.token(), "[]"), 400, "body");
    }

    @Test
    void aBatchOfMoreThan1000EventsIsRefusedAndNothingIsPublished() {
        String body =
                IntStream.range(0, 1001)
                        .mapToObj(i -> VALID)
                        .collect(Collectors.joining(",", "[", "]"));

        http.assertProblem(http.post(BATCH, caller.token(), body), 400, "body");
        assertThat(TopicRecords.of(Topics.IMPORTS, caller.household())).isEmpty();
    }
}
