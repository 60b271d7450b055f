package dev.stevens.memory.dashboard.notebook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notebook as the dashboard shows it. Every query names the viewer's household; filters and
 * search text are bound parameters, never part of the SQL.
 */
@Repository
@Transactional(readOnly = true)
class NotebookReader {

    private static final String COLUMNS =
            "id, source, memory_date, text, tags, version, deleted, archived, updated_at,"
                    + " last_actor";
    private static final int SECTION_LIMIT = 200;

    private final JdbcClient jdbc;

    NotebookReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Item(
            UUID id,
            String source,
            LocalDate date,
            String text,
            List<String> tags,
            long version,
            boolean deleted,
            boolean archived,
            Instant updatedAt,
            String lastActor) {}

    record Revision(
            long version,
            LocalDate date,
            String text,
            List<String> tags,
            boolean deleted,
            String actor,
            Instant changedAt) {}

    /** source and tag may be null (not filtered). */
    record Filter(String source, String tag) {}

    LocalDate today(UUID household) {
        String zone =
                jdbc.sql("select time_zone from households where id = :h")
                        .param("h", household)
                        .query(String.class)
                        .single();
        return LocalDate.now(ZoneId.of(zone));
    }

    /** Live memories whose date lies in [from, to]; null bounds are open. */
    List<Item> dated(UUID household, Filter filter, LocalDate from, LocalDate to, boolean newest) {
        var params = new HashMap<String, Object>();
        var sql = base(household, filter, params, " and not deleted and not archived");
        sql.append(" and memory_date is not null");
        if (from != null) {
            sql.append(" and memory_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and memory_date <= :to");
            params.put("to", to);
        }
        sql.append(
                newest
                        ? " order by memory_date desc, updated_at desc"
                        : " order by memory_date, updated_at");
        return run(sql, params);
    }

    List<Item> undated(UUID household, Filter filter) {
        var params = new HashMap<String, Object>();
        var sql = base(household, filter, params, " and not deleted and not archived");
        sql.append(" and memory_date is null order by updated_at desc");
        return run(sql, params);
    }

    List<Item> deleted(UUID household, Filter filter) {
        var params = new HashMap<String, Object>();
        var sql = base(household, filter, params, " and deleted");
        sql.append(" order by updated_at desc");
        return run(sql, params);
    }

    /** Full-text (ranked) plus a literal substring match, so "O'Brien" or "50%" still find. */
    List<Item> search(UUID household, Filter filter, String q) {
        var params = new HashMap<String, Object>();
        var sql = base(household, filter, params, " and not deleted");
        sql.append(
                " and (search @@ websearch_to_tsquery('english', :q) or text ilike :like escape"
                        + " '\\')"
                        + " order by ts_rank(search, websearch_to_tsquery('english', :q)) desc,"
                        + " updated_at desc");
        params.put("q", q);
        params.put(
                "like",
                "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return run(sql, params);
    }

    Optional<Item> find(UUID household, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from memories where id = :id and household_id = :h")
                .param("id", id)
                .param("h", household)
                .query(NotebookReader::item)
                .optional();
    }

    /** Newest first. Only called after {@link #find} proved the memory is the household's. */
    List<Revision> revisions(UUID household, UUID id) {
        return jdbc.sql(
                        """
                        select r.version, r.memory_date, r.text, r.tags, r.deleted, r.actor,
                            r.changed_at
                        from memory_revisions r join memories m on m.id = r.memory_id
                        where r.memory_id = :id and m.household_id = :h
                        order by r.version desc
                        """)
                .param("id", id)
                .param("h", household)
                .query(
                        (rs, n) ->
                                new Revision(
                                        rs.getLong(1),
                                        rs.getObject(2, LocalDate.class),
                                        rs.getString(3),
                                        tags(rs, 4),
                                        rs.getBoolean(5),
                                        rs.getString(6),
                                        rs.getObject(7, OffsetDateTime.class).toInstant()))
                .list();
    }

    List<String> sources(UUID household) {
        return jdbc.sql("select distinct source from memories where household_id = :h order by 1")
                .param("h", household)
                .query(String.class)
                .list();
    }

    List<String> tags(UUID household) {
        return jdbc.sql(
                        "select distinct unnest(tags) as tag from memories where household_id = :h"
                                + " order by 1 limit 200")
                .param("h", household)
                .query(String.class)
                .list();
    }

    private static StringBuilder base(
            UUID household, Filter filter, Map<String, Object> params, String state) {
        var sql = new StringBuilder("select " + COLUMNS + " from memories where household_id = :h");
        sql.append(state);
        params.put("h", household);
        if (filter.source() != null) {
            sql.append(" and source = :source");
            params.put("source", filter.source());
        }
        if (filter.tag() != null) {
            sql.append(" and :tag = any(tags)");
            params.put("tag", filter.tag());
        }
        return sql;
    }

    private List<Item> run(StringBuilder sql, Map<String, Object> params) {
        sql.append(" limit " + SECTION_LIMIT);
        return jdbc.sql(sql.toString()).params(params).query(NotebookReader::item).list();
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getObject("memory_date", LocalDate.class),
                rs.getString("text"),
                tags(rs, 5),
                rs.getLong("version"),
                rs.getBoolean("deleted"),
                rs.getBoolean("archived"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("last_actor"));
    }

    private static List<String> tags(ResultSet rs, int column) throws SQLException {
        var array = rs.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
