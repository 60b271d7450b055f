package dev.stevens.briefing.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliveries table. Rows are unique per household, day, channel and recipient; a row is sent
 * only by the instance whose claim (PENDING, or SENDING with an expired lease, to SENDING) touched
 * it.
 */
@Component
class DeliveryStore {

    record OpenDelivery(UUID id, String channel, String recipient, String content) {}

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertIfAbsent(
            UUID brief,
            UUID household,
            LocalDate date,
            String channel,
            String recipient,
            String status,
            String reason) {
        jdbc.sql(
                        """
                        insert into deliveries (id, brief_id, household_id, brief_date, channel,
                            recipient, status, last_error)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (household_id, brief_date, channel, recipient) do nothing
                        """)
                .params(
                        UUID.randomUUID(),
                        brief,
                        household,
                        date,
                        channel,
                        recipient,
                        status,
                        reason)
                .update();
    }

    List<OpenDelivery> open(UUID household, LocalDate date) {
        return jdbc.sql(
                        """
                        select d.id, d.channel, d.recipient, b.content
                        from deliveries d join briefs b on b.id = d.brief_id
                        where d.household_id = ? and d.brief_date = ?
                          and d.status in ('PENDING', 'SENDING')
                        order by d.channel, d.recipient
                        """)
                .params(household, date)
                .query(OpenDelivery.class)
                .list();
    }

    boolean claim(UUID delivery, Duration lease) {
        return jdbc.sql(
                                """
                                update deliveries set status = 'SENDING', claimed_at = now()
                                where id = ? and (status = 'PENDING' or (status = 'SENDING'
                                    and claimed_at < now() - make_interval(secs => ?)))
                                """)
                        .params(delivery, lease.toMillis() / 1000.0)
                        .update()
                == 1;
    }

    void delivered(UUID delivery, String receipt) {
        jdbc.sql(
                        """
                        update deliveries set status = 'DELIVERED', receipt = ?, last_error = null,
                            attempts = attempts + 1, delivered_at = now()
                        where id = ? and status = 'SENDING'
                        """)
                .params(receipt, delivery)
                .update();
    }

    void skipped(UUID delivery, String reason) {
        jdbc.sql("update deliveries set status = 'SKIPPED', last_error = ? where id = ?")
                .params(reason, delivery)
                .update();
    }

    /** Back to PENDING for the next tick, or FAILED once retrying is pointless or exhausted. */
    void failedAttempt(UUID delivery, String error, boolean permanent, int maxAttempts) {
        jdbc.sql(
                        """
                        update deliveries set attempts = attempts + 1, last_error = ?,
                            claimed_at = null,
                            status = case when cast(? as boolean) or attempts + 1 >= ? then 'FAILED'
                                          else 'PENDING' end
                        where id = ? and status = 'SENDING'
                        """)
                .params(error, permanent, maxAttempts, delivery)
                .update();
    }

    void skipPending(UUID household, LocalDate date, String reason) {
        jdbc.sql(
                        """
                        update deliveries set status = 'SKIPPED', last_error = ?
                        where household_id = ? and brief_date = ? and status = 'PENDING'
                        """)
                .params(reason, household, date)
                .update();
    }
}
