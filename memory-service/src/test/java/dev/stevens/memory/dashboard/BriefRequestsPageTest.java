package dev.stevens.memory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.BriefRequestAnswered;
import dev.stevens.events.BriefRequestAnswered.Outcome;
import dev.stevens.events.BriefRequested.Kind;
import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.TestKafka;
import dev.stevens.memory.households.Households;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Briefs page's preview and send-now: requests go out on Kafka, briefing-service's answers
 * (published here as it would publish them) come back on Kafka and show up on the page.
 */
@MemoryServiceTest
class BriefRequestsPageTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
    @Autowired EventPublisher publisher;
    @Autowired JsonMapper json;
    @LocalServerPort int port;

    DashboardFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DashboardFixture(households, jdbc, passwords);
    }

    @Test
    void aPreviewIsRequestedOnKafkaAndItsAnswerAppearsOnThePageEscaped() throws Exception {
        var owner = fixture.household("OWNER");
        var client = loggedIn(owner);
        LocalDate date = LocalDate.parse("2026-12-24");

        var posted = client.post("/briefs/preview", "/briefs", Map.of("date", date.toString()));

        assertThat(posted.statusCode()).isEqualTo(302);
        String page = posted.headers().firstValue("Location").orElseThrow();
        JsonNode request = onlyRequestOf(owner);
        UUID requestId = UUID.fromString(request.path("id").asString());
        assertThat(page).endsWith("/briefs?request=" + requestId);
        assertThat(request.path("type").asString()).isEqualTo("dev.stevens.brief.requested");
        assertThat(request.path("data").path("kind").asString()).isEqualTo("PREVIEW");
        assertThat(request.path("data").path("date").asString()).isEqualTo("2026-12-24");
        assertThat(request.path("data").path("requestedBy").asString())
                .isEqualTo("dashboard:" + owner.username());
        String waiting = client.get(path(page)).body();
        // the waiting section asks htmx for itself again; no page refresh moves the reader's focus
        assertThat(waiting)
                .contains("Preparing")
                .contains("hx-trigger=\"every 2s\"")
                .doesNotContain("http-equiv=\"refresh\"");

        answer(
                owner,
                requestId,
                requestId,
                Kind.PREVIEW,
                date,
                Outcome.PREVIEWED,
                "Christmas Eve: carols at 18:00 <script>alert(1)</script>");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(client.get(path(page)).body())
                                        .contains("Preview for 2026-12-24")
                                        .contains("carols at 18:00")
                                        .contains("&lt;script&gt;")
                                        .doesNotContain("<script>alert(1)")
                                        .doesNotContain("hx-trigger")
                                        .contains("PREVIEW 2026-12-24: PREVIEWED"));
    }

    @Test
    void theFirstAnswerToARequestWinsSoARedeliveredAnswerChangesNothing() throws Exception {
        var owner = fixture.household("OWNER");
        var client = loggedIn(owner);
        client.post("/briefs/preview", "/briefs", Map.of("date", "2026-12-25"));
        UUID requestId = UUID.fromString(onlyRequestOf(owner).path("id").asString());
        LocalDate date = LocalDate.parse("2026-12-25");
        answer(owner, requestId, requestId, Kind.PREVIEW, date, Outcome.PREVIEWED, "First.");
        answer(owner, requestId, requestId, Kind.PREVIEW, date, Outcome.PREVIEWED, "Second.");
        // same record key, so same partition: once this one is stored, both before it were read
        UUID marker = UUID.randomUUID();
        answer(owner, requestId, marker, Kind.PREVIEW, date, Outcome.PREVIEWED, "Marker.");

        await().atMost(Duration.ofSeconds(30)).until(() -> content(marker) != null);
        assertThat(content(requestId)).isEqualTo("First.");
    }

    @Test
    void sendNowQueuesASendRequestForTodayAndShowsWhenItWasAlreadySent() throws Exception {
        var owner = fixture.household("OWNER");
        var client = loggedIn(owner);

        var posted = client.post("/briefs/send", "/briefs", Map.of());

        assertThat(posted.statusCode()).isEqualTo(302);
        JsonNode request = onlyRequestOf(owner);
        assertThat(request.path("data").path("kind").asString()).isEqualTo("SEND");
        JsonNode date = request.path("data").path("date");
        assertThat(date.isNull() || date.isMissingNode()).isTrue();
        UUID requestId = UUID.fromString(request.path("id").asString());
        answer(
                owner,
                requestId,
                requestId,
                Kind.SEND,
                LocalDate.parse("2026-11-25"),
                Outcome.ALREADY_SENT,
                null);
        String page = path(posted.headers().firstValue("Location").orElseThrow());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                assertThat(client.get(page).body())
                                        .contains("was already sent; nothing was sent again"));
    }

    @Test
    void onlyOwnersMaySendNowAndNeverWithoutTheCsrfToken() {
        var owner = fixture.household("OWNER");
        var member = fixture.account(owner.household(), "MEMBER");

        var asMember = loggedIn(member);
        assertThat(asMember.post("/briefs/send", "/", Map.of()).statusCode()).isEqualTo(403);
        assertThat(asMember.post("/briefs/preview", "/", Map.of("date", "2026-12-01")).statusCode())
                .isEqualTo(403);
        var asOwner = loggedIn(owner);
        assertThat(asOwner.postRaw("/briefs/send", Map.of()).statusCode()).isEqualTo(403);
        assertThat(TestKafka.readAllWithKey(Topics.BRIEF_REQUESTS, owner.household())).isEmpty();
    }

    @Test
    void anotherHouseholdCannotSeeAPreviewEvenKnowingItsRequestId() throws Exception {
        var owner = fixture.household("OWNER");
        var stranger = fixture.household("OWNER");
        loggedIn(owner).post("/briefs/preview", "/briefs", Map.of("date", "2026-12-26"));
        UUID requestId = UUID.fromString(onlyRequestOf(owner).path("id").asString());
        answer(
                owner,
                requestId,
                requestId,
                Kind.PREVIEW,
                LocalDate.parse("2026-12-26"),
                Outcome.PREVIEWED,
                "Owner's private plans.");
        await().atMost(Duration.ofSeconds(30)).until(() -> content(requestId) != null);

        assertThat(loggedIn(stranger).get("/briefs?request=" + requestId).body())
                .doesNotContain("private plans");
    }

    @Test
    void aDateThatIsNotADateIsRefusedWithoutQueueingAnything() {
        var owner = fixture.household("OWNER");
        var client = loggedIn(owner);

        client.post("/briefs/preview", "/briefs", Map.of("date", "tomorrow'); drop table x;--"));

        assertThat(client.get("/briefs").body()).contains("The date is YYYY-MM-DD.");
        assertThat(TestKafka.readAllWithKey(Topics.BRIEF_REQUESTS, owner.household())).isEmpty();
    }

    private JsonNode onlyRequestOf(DashboardFixture.Account account) {
        List<JsonNode> requests =
                TestKafka.readAllWithKey(Topics.BRIEF_REQUESTS, account.household()).stream()
                        .map(r -> json.readTree(r.value()))
                        .toList();
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private void answer(
            DashboardFixture.Account account,
            UUID key,
            UUID requestId,
            Kind kind,
            LocalDate date,
            Outcome outcome,
            String content)
            throws Exception {
        var answer =
                BriefRequestAnswered.of(
                        UUID.randomUUID(),
                        "/briefing-service/requests",
                        Instant.now(),
                        account.household(),
                        new BriefRequestAnswered.Data(
                                requestId,
                                kind,
                                date,
                                outcome,
                                content,
                                content == null ? null : "stevens-deterministic",
                                List.of(),
                                null));
        publisher.publish(Topics.BRIEF_ANSWERS, key.toString(), answer).get(10, TimeUnit.SECONDS);
    }

    private String content(UUID requestId) {
        return jdbc.sql("select content from dashboard_brief_requests where request_id = :id")
                .param("id", requestId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private DashboardClient loggedIn(DashboardFixture.Account account) {
        var client = new DashboardClient(port);
        client.login(account.username(), DashboardFixture.PASSWORD);
        return client;
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
