package dev.stevens.briefing.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What was written and sent for a household, newest first. */
@Component
public class BriefHistory {

    public record BriefRecord(
            UUID id,
            LocalDate date,
            String content,
            String composer,
            String composerVersion,
            Instant createdAt,
            List<DeliveryRecord> deliveries) {}

    /**
     * @param receipt the channel's receipt, e.g. comma-separated Telegram message ids
     * @param lastError the last failure, or why the delivery was skipped or missed
     * @param nextAttemptAt when an open delivery is tried next (quiet hours, backoff)
     * @param deadlineAt after it an undelivered delivery is FAILED
     */
    public record DeliveryRecord(
            String channel,
            String recipient,
            String status,
            String receipt,
            int attempts,
            String lastError,
            Instant deliveredAt,
            Instant nextAttemptAt,
            Instant deadlineAt) {}

    private final JdbcClient jdbc;

    BriefHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<BriefRecord> recent(UUID household, int limit) {
        List<BriefRecord> briefs =
                jdbc.sql(
                                """
                                select id, brief_date, content, composer, composer_version,
                                    created_at
                                from briefs where household_id = ?
                                order by brief_date desc limit ?
                                """)
                        .params(household, limit)
                        .query(
                                (rs, row) ->
                                        new BriefRecord(
                                                rs.getObject("id", UUID.class),
                                                rs.getObject("brief_date", LocalDate.class),
                                                rs.getString("content"),
                                                rs.getString("composer"),
                                                rs.getString("composer_version"),
                                                rs.getTimestamp("created_at").toInstant(),
                                                List.of()))
                        .list();
        return briefs.stream()
                .map(
                        brief ->
                                new BriefRecord(
                                        brief.id(),
                                        brief.date(),
                                        brief.content(),
                                        brief.composer(),
                                        brief.composerVersion(),
                                        brief.createdAt(),
                                        deliveries(household, brief.id())))
                .toList();
    }

    private List<DeliveryRecord> deliveries(UUID household, UUID brief) {
        return jdbc.sql(
                        """
                        select channel, recipient, status, receipt, attempts, last_error,
                            delivered_at, next_attempt_at, deadline_at
                        from deliveries where household_id = ? and brief_id = ?
                        order by channel, recipient
                        """)
                .params(household, brief)
                .query(
                        (rs, row) ->
                                new DeliveryRecord(
                                        rs.getString("channel"),
                                        rs.getString("recipient"),
                                        rs.getString("status"),
                                        rs.getString("receipt"),
                                        rs.getInt("attempts"),
                                        rs.getString("last_error"),
                                        instant(rs.getTimestamp("delivered_at")),
                                        open(rs.getString("status"))
                                                ? instant(rs.getTimestamp("next_attempt_at"))
                                                : null,
                                        instant(rs.getTimestamp("deadline_at"))))
                .list();
    }

    private static boolean open(String status) {
        return "PENDING".equals(status) || "SENDING".equals(status);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
