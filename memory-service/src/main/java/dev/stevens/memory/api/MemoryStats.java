package dev.stevens.memory.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The imports chart: how many memories each source created per day, days counted in the household's
 * own time zone. Deleted and archived memories count too (they were imported).
 */
@Repository
@Transactional(readOnly = true)
class MemoryStats {

    static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;

    MemoryStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Counts(LocalDate from, LocalDate to, List<Count> counts) {}

    record Count(LocalDate date, String source, long count) {}

    Counts countsPerSourceAndDay(UUID household, LocalDate from, LocalDate to) {
        List<Count> counts =
                jdbc.sql(
                                """
                                with zone as (select time_zone from households where id = :h)
                                select cast(m.created_at at time zone zone.time_zone as date)
                                        as day, m.source, count(*) as n
                                from memories m, zone
                                where m.household_id = :h
                                    and m.created_at >= (cast(:from as timestamp)
                                        at time zone zone.time_zone)
                                    and m.created_at < (cast(:until as timestamp)
                                        at time zone zone.time_zone)
                                group by day, m.source
                                order by day, m.source
                                """)
                        .param("h", household)
                        .param("from", from.atStartOfDay())
                        .param("until", to.plusDays(1).atStartOfDay())
                        .query(
                                (rs, n) ->
                                        new Count(
                                                rs.getObject("day", LocalDate.class),
                                                rs.getString("source"),
                                                rs.getLong("n")))
                        .list();
        return new Counts(from, to, counts);
    }
}
