package dev.stevens.briefing.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deliveries table. Rows are unique per household, day, channel and recipient; a row is sent
 * only by the instance whose claim (PENDING and due, or SENDING with an expired lease, to SENDING)
 * locked and changed it. Every "now" is the service's clock, passed in.
 */
@Component
class DeliveryStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DeliveryStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record NewDelivery(
            String channel,
            String recipient,
            String status,
            String reason,
            Instant notBefore,
            Instant deadline) {}

    void insertIfAbsent(UUID brief, UUID household, LocalDate date, NewDelivery delivery) {
        jdbc.sql(
                        """
                        insert into deliveries (id, brief_id, household_id, brief_date, channel,
                            recipient, status, last_error, next_attempt_at, deadline_at,
                            updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (household_id, brief_date, channel, recipient) do nothing
                        """)
                .params(
                        UUID.randomUUID(),
                        brief,
                        household,
                        date,
                        delivery.channel(),
                        delivery.recipient(),
                        delivery.status(),
                        delivery.reason(),
                        ts(delivery.notBefore()),
                        ts(delivery.deadline()),
                        ts(delivery.notBefore()))
                .update();
    }

    /**
     * Claims up to {@code limit} due deliveries for this instance. {@code skip locked} lets several
     * instances claim side by side without waiting for, or taking, each other's rows.
     */
    List<UUID> claimDue(Instant now, Instant staleBefore, int limit) {
        return jdbc.sql(
                        """
                        update deliveries set status = 'SENDING', claimed_at = :now,
                            updated_at = :now
                        where id in (
                            select id from deliveries
                            where (status = 'PENDING' and next_attempt_at <= :now)
                               or (status = 'SENDING' and claimed_at < :stale)
                            order by next_attempt_at
                            limit :limit
                            for update skip locked)
                        returning id
                        """)
                .param("now", ts(now))
                .param("stale", ts(staleBefore))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    List<Parcel> parcels(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select d.id, d.brief_id, d.household_id, d.brief_date, d.channel,
                            d.recipient, b.content, b.composer, b.memories, d.attempts,
                            d.deadline_at, d.progress, h.webhook_signing_secret
                        from deliveries d
                        join briefs b on b.id = d.brief_id
                        left join households h on h.id = d.household_id
                        where d.id = any(?)
                        """)
                .param(ids.toArray(UUID[]::new))
                .query(
                        (rs, row) ->
                                new Parcel(
                                        rs.getObject("id", UUID.class),
                                        rs.getObject("brief_id", UUID.class),
                                        rs.getObject("household_id", UUID.class),
                                        rs.getObject("brief_date", LocalDate.class),
                                        rs.getString("channel"),
                                        rs.getString("recipient"),
                                        rs.getString("content"),
                                        rs.getString("composer"),
                                        memoryIds(rs.getString("memories")),
                                        rs.getInt("attempts"),
                                        instant(rs.getTimestamp("deadline_at")),
                                        rs.getString("progress"),
                                        rs.getString("webhook_signing_secret")))
                .list();
    }

    /** Returns the brief of the delivery if this call marked it delivered. */
    Optional<UUID> delivered(UUID delivery, String receipt, Instant now) {
        return jdbc.sql(
                        """
                        update deliveries set status = 'DELIVERED', receipt = ?, last_error = null,
                            progress = null, attempts = attempts + 1, delivered_at = ?,
                            updated_at = ?
                        where id = ? and status = 'SENDING'
                        returning brief_id
                        """)
                .params(receipt, ts(now), ts(now), delivery)
                .query(UUID.class)
                .optional();
    }

    /** A failed attempt: back to PENDING for {@code nextAttempt}, or FAILED. */
    Optional<UUID> attemptFailed(
            UUID delivery,
            String error,
            boolean giveUp,
            Instant nextAttempt,
            String progress,
            Instant now) {
        return jdbc.sql(
                        """
                        update deliveries set attempts = attempts + 1, last_error = ?,
                            claimed_at = null, progress = coalesce(?, progress),
                            status = case when ? then 'FAILED' else 'PENDING' end,
                            next_attempt_at = ?, updated_at = ?
                        where id = ? and status = 'SENDING'
                        returning brief_id
                        """)
                .params(error, progress, giveUp, ts(nextAttempt), ts(now), delivery)
                .query(UUID.class)
                .optional();
    }

    Optional<UUID> skipped(UUID delivery, String reason, Instant now) {
        return jdbc.sql(
                        """
                        update deliveries set status = 'SKIPPED', last_error = ?, updated_at = ?
                        where id = ? and status = 'SENDING'
                        returning brief_id
                        """)
                .params(reason, ts(now), delivery)
                .query(UUID.class)
                .optional();
    }

    /** Gives up every open delivery past its deadline; returns the briefs that changed. */
    List<UUID> expireOverdue(Instant now) {
        return jdbc
                .sql(
                        """
                        update deliveries set status = 'FAILED', updated_at = :now,
                            last_error = 'not delivered by the deadline ' || to_char(deadline_at
                                at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                || coalesce('; last error: ' || last_error, '')
                        where status = 'PENDING' and deadline_at < :now
                        returning brief_id
                        """)
                .param("now", ts(now))
                .query(UUID.class)
                .list()
                .stream()
                .distinct()
                .toList();
    }

    private List<UUID> memoryIds(String memories) {
        if (memories == null) {
            return List.of();
        }
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

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
