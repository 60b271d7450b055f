package dev.stevens.memory.dashboard.feeds;

import dev.stevens.events.BriefIssued;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the dashboard's read models; every query is scoped to one household. */
@Repository
@Transactional(readOnly = true)
class FeedReader {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeedReader(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Run(
            String importer,
            String scope,
            Instant startedAt,
            Instant finishedAt,
            int itemsSeen,
            int itemsChanged,
            String error) {}

    record Message(Instant at, String channel, String author, boolean fromButler, String text) {}

    record UsedMemory(UUID id, String text) {}

    record Brief(
            UUID id,
            LocalDate date,
            String content,
            String composer,
            List<UsedMemory> memories,
            List<BriefIssued.Delivery> deliveries,
            long version) {}

    record Count(LocalDate day, String source, long count) {}

    String timeZone(UUID household) {
        return jdbc.sql("select time_zone from households where id = :h")
                .param("h", household)
                .query(String.class)
                .single();
    }

    /** Memories created per source and day, days in the household's time zone. */
    List<Count> countsPerSourceAndDay(UUID household, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        """
                        select cast(m.created_at at time zone h.time_zone as date) as day,
                            m.source, count(*)
                        from memories m join households h on h.id = m.household_id
                        where m.household_id = :h
                            and m.created_at >= (cast(:from as timestamp) at time zone h.time_zone)
                            and m.created_at < (cast(:until as timestamp) at time zone h.time_zone)
                        group by 1, 2 order by 1, 2
                        """)
                .param("h", household)
                .param("from", from.atStartOfDay())
                .param("until", to.plusDays(1).atStartOfDay())
                .query(
                        (rs, n) ->
                                new Count(
                                        rs.getObject(1, LocalDate.class),
                                        rs.getString(2),
                                        rs.getLong(3)))
                .list();
    }

    /** Each importer and scope's latest run. */
    List<Run> latestRuns(UUID household) {
        return jdbc.sql(
                        """
                        select distinct on (importer, coalesce(scope, ''))
                            importer, scope, started_at, finished_at, items_seen, items_changed, error
                        from dashboard_importer_runs where household_id = :h
                        order by importer, coalesce(scope, ''), finished_at desc
                        """)
                .param("h", household)
                .query(
                        (rs, n) ->
                                new Run(
                                        rs.getString(1),
                                        rs.getString(2),
                                        instant(rs.getObject(3, OffsetDateTime.class)),
                                        instant(rs.getObject(4, OffsetDateTime.class)),
                                        rs.getInt(5),
                                        rs.getInt(6),
                                        rs.getString(7)))
                .list();
    }

    List<Message> chat(UUID household, int offset, int limit) {
        return jdbc.sql(
                        """
                        select posted_at, channel, author, from_butler, text
                        from dashboard_chat_messages where household_id = :h
                        order by posted_at desc, event_id desc offset :offset limit :limit
                        """)
                .param("h", household)
                .param("offset", offset)
                .param("limit", limit)
                .query(
                        (rs, n) ->
                                new Message(
                                        instant(rs.getObject(1, OffsetDateTime.class)),
                                        rs.getString(2),
                                        rs.getString(3),
                                        rs.getBoolean(4),
                                        rs.getString(5)))
                .list();
    }

    List<Brief> briefs(UUID household, int limit) {
        var rows =
                jdbc.sql(
                                """
                                select brief_id, brief_date, content, composer, memory_ids,
                                    cast(deliveries as text), version
                                from dashboard_briefs where household_id = :h
                                order by brief_date desc, issued_at desc limit :limit
                                """)
                        .param("h", household)
                        .param("limit", limit)
                        .query(
                                (rs, n) ->
                                        new Object[] {
                                            rs.getObject(1, UUID.class),
                                            rs.getObject(2, LocalDate.class),
                                            rs.getString(3),
                                            rs.getString(4),
                                            List.of((UUID[]) rs.getArray(5).getArray()),
                                            rs.getString(6),
                                            rs.getLong(7)
                                        })
                        .list();
        List<Brief> briefs = new ArrayList<>();
        for (Object[] row : rows) {
            @SuppressWarnings("unchecked")
            List<UUID> ids = (List<UUID>) row[4];
            briefs.add(
                    new Brief(
                            (UUID) row[0],
                            (LocalDate) row[1],
                            (String) row[2],
                            (String) row[3],
                            used(household, ids),
                            json.readValue(
                                    (String) row[5],
                                    new TypeReference<List<BriefIssued.Delivery>>() {}),
                            (long) row[6]));
        }
        return briefs;
    }

    /** The memories a brief used, as far as they are this household's (text shown if known). */
    private List<UsedMemory> used(UUID household, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var texts =
                jdbc.sql("select id, text from memories where household_id = :h and id = any(:ids)")
                        .param("h", household)
                        .param("ids", ids.toArray(UUID[]::new))
                        .query(
                                (rs, n) ->
                                        new UsedMemory(
                                                rs.getObject(1, UUID.class), rs.getString(2)))
                        .list();
        return ids.stream()
                .map(
                        id ->
                                texts.stream()
                                        .filter(t -> t.id().equals(id))
                                        .findFirst()
                                        .orElse(new UsedMemory(id, null)))
                .toList();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
