package dev.stevens.memory.dashboard.feeds;

import dev.stevens.events.BriefRequestAnswered;
import dev.stevens.events.BriefRequested;
import dev.stevens.events.Topics;
import dev.stevens.memory.dashboard.Viewer;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.kafka.RejectedEventException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The Briefs page's "preview" and "send now": a request goes to briefing-service on Kafka (never a
 * direct call) and its answer comes back on Kafka into {@code dashboard_brief_requests}. The first
 * answer per request wins, so a redelivered answer changes nothing.
 */
@Component
class BriefRequests {

    record Request(
            UUID id,
            String kind,
            LocalDate date,
            String requestedBy,
            Instant requestedAt,
            String outcome,
            String content,
            String composer,
            List<UUID> memoryIds,
            String detail) {

        public boolean answered() {
            return outcome != null;
        }
    }

    private final JdbcClient jdbc;
    private final EventPublisher publisher;

    BriefRequests(JdbcClient jdbc, EventPublisher publisher) {
        this.jdbc = jdbc;
        this.publisher = publisher;
    }

    /** Records the request, then returns once the broker has it. */
    UUID request(Viewer viewer, BriefRequested.Kind kind, LocalDate date) {
        var request =
                BriefRequested.of(
                        UUID.randomUUID(),
                        "/memory-service/dashboard",
                        Instant.now(),
                        viewer.household(),
                        new BriefRequested.Data(kind, date, viewer.actor()));
        jdbc.sql(
                        """
                        insert into dashboard_brief_requests (request_id, household_id, kind,
                            brief_date, requested_by, requested_at)
                        values (:id, :h, :kind, :date, :by, :at)
                        """)
                .param("id", request.id())
                .param("h", viewer.household())
                .param("kind", kind.name())
                .param("date", date)
                .param("by", viewer.actor())
                .param("at", request.time().atOffset(ZoneOffset.UTC))
                .update();
        try {
            publisher
                    .publish(Topics.BRIEF_REQUESTS, viewer.household().toString(), request)
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (Exception e) {
            throw unavailable(e);
        }
        return request.id();
    }

    @KafkaListener(id = "memory-service-dashboard-brief-answers", topics = Topics.BRIEF_ANSWERS)
    void on(BriefRequestAnswered answer) {
        if (answer.household() == null
                || answer.data() == null
                || answer.data().requestId() == null
                || answer.data().outcome() == null) {
            throw new RejectedEventException("brief answer without household, request or outcome");
        }
        var d = answer.data();
        jdbc.sql(
                        """
                        insert into dashboard_brief_requests (request_id, household_id, kind,
                            brief_date, requested_at, outcome, content, composer, memory_ids,
                            detail, answered_at)
                        values (:id, :h, :kind, :date, :at, :outcome, :content, :composer,
                            :memories, :detail, :at)
                        on conflict (request_id) do update set outcome = excluded.outcome,
                            brief_date = coalesce(excluded.brief_date,
                                dashboard_brief_requests.brief_date),
                            content = excluded.content, composer = excluded.composer,
                            memory_ids = excluded.memory_ids, detail = excluded.detail,
                            answered_at = excluded.answered_at
                        where dashboard_brief_requests.household_id = excluded.household_id
                            and dashboard_brief_requests.outcome is null
                        """)
                .param("id", d.requestId())
                .param("h", answer.household())
                .param("kind", d.kind() == null ? "UNKNOWN" : d.kind().name())
                .param("date", d.date())
                .param(
                        "at",
                        (answer.time() == null ? Instant.now() : answer.time())
                                .atOffset(ZoneOffset.UTC))
                .param("outcome", d.outcome().name())
                .param("content", d.content())
                .param("composer", d.composer())
                .param("memories", d.memoryIds().toArray(UUID[]::new))
                .param("detail", d.detail())
                .update();
    }

    Optional<Request> find(UUID household, UUID id) {
        return select("where household_id = :h and request_id = :id", household, id, 1).stream()
                .findFirst();
    }

    List<Request> recent(UUID household, int limit) {
        return select("where household_id = :h", household, null, limit);
    }

    private List<Request> select(String where, UUID household, UUID id, int limit) {
        var query =
                jdbc.sql(
                                "select request_id, kind, brief_date, requested_by, requested_at,"
                                        + " outcome, content, composer, memory_ids, detail"
                                        + " from dashboard_brief_requests "
                                        + where
                                        + " order by requested_at desc limit :limit")
                        .param("h", household)
                        .param("limit", limit);
        if (id != null) {
            query = query.param("id", id);
        }
        return query.query(
                        (rs, n) ->
                                new Request(
                                        rs.getObject(1, UUID.class),
                                        rs.getString(2),
                                        rs.getObject(3, LocalDate.class),
                                        rs.getString(4),
                                        rs.getTimestamp(5).toInstant(),
                                        rs.getString(6),
                                        rs.getString(7),
                                        rs.getString(8),
                                        List.of((UUID[]) rs.getArray(9).getArray()),
                                        rs.getString(10)))
                .list();
    }

    private static ResponseStatusException unavailable(Exception cause) {
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The request could not be queued; please try again.",
                cause);
    }
}
