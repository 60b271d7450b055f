package dev.stevens.memory.dashboard.feeds;

import dev.stevens.events.BriefIssued;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.ImporterRunFinished;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.RejectedEventException;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the dashboard's copies of importer runs, the chat transcript and briefs. Each write is
 * idempotent (event id or brief version), so replaying a topic from the start changes nothing;
 * records missing their household or data are dead-lettered.
 */
@Component
class FeedListeners {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedListeners(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @KafkaListener(id = "memory-service-dashboard-importer-runs", topics = Topics.IMPORTER_RUNS)
    void on(ImporterRunFinished event) {
        if (event.id() == null
                || event.household() == null
                || event.data() == null
                || event.data().importer() == null
                || event.data().finishedAt() == null) {
            throw new RejectedEventException(
                    "importer run without id, household, importer or finishedAt");
        }
        var d = event.data();
        jdbc.sql(
                        """
                        insert into dashboard_importer_runs (event_id, household_id, importer, scope,
                            started_at, finished_at, items_seen, items_changed, error)
                        values (:id, :h, :importer, :scope, :started, :finished, :seen, :changed,
                            :error)
                        on conflict (event_id) do nothing
                        """)
                .param("id", event.id())
                .param("h", event.household())
                .param("importer", d.importer())
                .param("scope", d.scope())
                .param(
                        "started",
                        d.startedAt() == null ? null : d.startedAt().atOffset(ZoneOffset.UTC))
                .param("finished", d.finishedAt().atOffset(ZoneOffset.UTC))
                .param("seen", d.itemsSeen())
                .param("changed", d.itemsChanged())
                .param("error", d.error())
                .update();
    }

    @KafkaListener(id = "memory-service-dashboard-chat", topics = Topics.CHAT)
    void on(ChatMessagePosted event) {
        if (event.id() == null
                || event.household() == null
                || event.data() == null
                || event.data().text() == null
                || event.time() == null) {
            throw new RejectedEventException("chat message without id, household, time or text");
        }
        var m = event.data();
        jdbc.sql(
                        """
                        insert into dashboard_chat_messages (event_id, household_id, posted_at,
                            channel, author, from_butler, text)
                        values (:id, :h, :at, :channel, :author, :butler, :text)
                        on conflict (event_id) do nothing
                        """)
                .param("id", event.id())
                .param("h", event.household())
                .param("at", event.time().atOffset(ZoneOffset.UTC))
                .param("channel", m.channel())
                .param("author", m.author())
                .param("butler", m.fromButler())
                .param("text", m.text())
                .update();
    }

    /** The newest version of a brief wins; an older one arriving late changes nothing. */
    @KafkaListener(id = "memory-service-dashboard-briefs", topics = Topics.BRIEFS)
    void on(BriefIssued event) {
        if (event.household() == null
                || event.data() == null
                || event.data().briefId() == null
                || event.data().date() == null
                || event.data().content() == null) {
            throw new RejectedEventException("brief without household, id, date or content");
        }
        var d = event.data();
        jdbc.sql(
                        """
                        insert into dashboard_briefs (brief_id, household_id, brief_date, content,
                            composer, memory_ids, deliveries, version, issued_at)
                        values (:id, :h, :date, :content, :composer, :memories,
                            cast(:deliveries as jsonb), :version, :at)
                        on conflict (brief_id) do update set brief_date = excluded.brief_date,
                            content = excluded.content, composer = excluded.composer,
                            memory_ids = excluded.memory_ids, deliveries = excluded.deliveries,
                            version = excluded.version, issued_at = excluded.issued_at
                        where dashboard_briefs.household_id = excluded.household_id
                            and dashboard_briefs.version < excluded.version
                        """)
                .param("id", d.briefId())
                .param("h", event.household())
                .param("date", d.date())
                .param("content", d.content())
                .param("composer", d.composer())
                .param("memories", d.memoryIds().toArray(java.util.UUID[]::new))
                .param("deliveries", json.writeValueAsString(d.deliveries()))
                .param("version", d.version())
                .param(
                        "at",
                        (event.time() == null ? java.time.Instant.now() : event.time())
                                .atOffset(ZoneOffset.UTC))
                .update();
    }
}
