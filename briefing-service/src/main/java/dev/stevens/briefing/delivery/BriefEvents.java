package dev.stevens.briefing.delivery;

import dev.stevens.events.BriefIssued;
import dev.stevens.events.ChatMessagePosted;
import dev.stevens.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a brief's current state ({@link BriefIssued}) and a sent brief's bot message ({@link
 * ChatMessagePosted}) into the outbox. Must run inside the transaction that changed the state.
 */
@Component
class BriefEvents {

    static final String PRODUCER = "/briefing-service";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EventOutbox outbox;

    BriefEvents(JdbcClient jdbc, JsonMapper json, EventOutbox outbox) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
    }

    private record BriefRow(
            UUID household,
            LocalDate date,
            String content,
            String composer,
            String memories,
            long version) {}

    /**
     * Bumps the brief's version and queues its snapshot. The update locks the brief row until
     * commit, so concurrent changes of two deliveries get versions in the order of their snapshots.
     */
    void briefChanged(UUID brief, Instant now) {
        BriefRow row =
                jdbc.sql(
                                """
                                update briefs set issue_version = issue_version + 1 where id = ?
                                returning household_id as household, brief_date as date,
                                    content, composer || '/' || composer_version as composer,
                                    cast(memories as text) as memories, issue_version as version
                                """)
                        .param(brief)
                        .query(BriefRow.class)
                        .single();
        var data =
                new BriefIssued.Data(
                        brief,
                        row.date(),
                        row.content(),
                        row.composer(),
                        memoryIds(row.memories()),
                        deliveries(brief),
                        row.version());
        UUID eventId = nameUuid("brief:" + brief + ":" + row.version());
        outbox.add(
                Topics.BRIEFS,
                brief.toString(),
                BriefIssued.of(eventId, now, row.household(), data));
    }

    /** The brief as a butler message in the recipient's conversation. */
    void briefSent(Parcel parcel, String receipt, Instant now) {
        String conversation = "webhook".equals(parcel.channel()) ? "webhook" : parcel.recipient();
        var message =
                new ChatMessagePosted.Message(
                        parcel.channel(), conversation, receipt, "stevens", true, parcel.content());
        outbox.add(
                Topics.CHAT,
                parcel.household().toString(),
                ChatMessagePosted.of(
                        nameUuid("brief-message:" + parcel.id()),
                        PRODUCER,
                        now,
                        parcel.household(),
                        message));
    }

    private List<BriefIssued.Delivery> deliveries(UUID brief) {
        return jdbc.sql(
                        """
                        select channel, recipient, status, receipt, last_error,
                            coalesce(delivered_at, updated_at, created_at) as at
                        from deliveries where brief_id = ? order by channel, recipient
                        """)
                .param(brief)
                .query(
                        (rs, n) ->
                                new BriefIssued.Delivery(
                                        rs.getString("channel"),
                                        rs.getString("recipient"),
                                        publicStatus(rs.getString("status")),
                                        rs.getString("receipt"),
                                        rs.getString("last_error"),
                                        instant(rs.getTimestamp("at"))))
                .list();
    }

    /** SENDING is an internal claim; to everyone else the delivery is still pending. */
    private static String publicStatus(String status) {
        return "SENDING".equals(status) ? "PENDING" : status;
    }

    private List<UUID> memoryIds(String memories) {
        return json.readTree(memories)
                .valueStream()
                .map(ref -> ref.path("id"))
                .filter(JsonNode::isString)
                .map(id -> UUID.fromString(id.asString()))
                .toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Same brief and version, same event id: a replayed publication is recognisably the same. */
    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
