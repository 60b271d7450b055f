package dev.stevens.memory.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries behind the memories API. Every query is scoped to the caller's household;
 * filters only ever add parameterised predicates (user text is never part of the SQL).
 */
@Repository
@Transactional(readOnly = true)
class MemoryQueries {

    static final String COLUMNS =
            "id, source, external_key, scope, memory_date, valid_until, text, tags, version,"
                    + " deleted, archived, created_at, updated_at";
    private static final String SORT_KEY =
            "(coalesce(memory_date, 'infinity'::date), created_at, id)";

    /** Snippets are built from HTML-escaped text, so only our own {@code <mark>} is markup. */
    private static final String SNIPPET =
            "ts_headline('english', replace(replace(replace(text, '&', '&amp;'), '<', '&lt;'),"
                    + " '>', '&gt;'), query, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35,"
                    + " MinWords=15, MaxFragments=2')";

    private final JdbcClient jdbc;

    MemoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code q} holds any searchable word (else it is matched as a literal substring). */
    boolean searchable(String q) {
        return jdbc.sql("select numnode(websearch_to_tsquery('english', :q)) > 0")
                .param("q", q)
                .query(Boolean.class)
                .single();
    }

    /**
     * Up to {@code limit} memories after the cursor (if any): best full-text match first when
     * {@code ranked}, else in date order.
     */
    List<MemoryItem> list(
            UUID household, MemoryFilter filter, boolean ranked, Cursor after, int limit) {
        var params = new HashMap<String, Object>();
        params.put("household", household);
        var sql = new StringBuilder("select " + COLUMNS);
        if (ranked) {
            sql.append(", ts_rank(search, query) as rank, ")
                    .append(SNIPPET)
                    .append(" as snippet from memories,")
                    .append(" websearch_to_tsquery('english', :q) as query")
                    .append(" where household_id = :household and search @@ query");
            params.put("q", filter.q());
        } else {
            sql.append(", null as rank, null as snippet from memories")
                    .append(" where household_id = :household");
            if (filter.q() != null) {
                sql.append(" and text ilike :q");
                params.put("q", "%" + escapeLike(filter.q()) + "%");
            }
        }
        appendFilters(sql, params, filter);
        if (after != null && ranked) {
            sql.append(
                    " and (ts_rank(search, query) < :afterRank"
                            + " or (ts_rank(search, query) = :afterRank and id > :afterId))");
            params.put("afterRank", after.rank());
            params.put("afterId", after.id());
        } else if (after != null) {
            sql.append(
                    " and " + SORT_KEY + " > (cast(:afterDate as date), :afterCreated, :afterId)");
            params.put("afterDate", after.sortDate());
            params.put("afterCreated", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        sql.append(
                ranked
                        ? " order by rank desc, id"
                        : " order by " + SORT_KEY.substring(1, SORT_KEY.length() - 1));
        sql.append(" limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(MemoryQueries::item).list();
    }

    private static void appendFilters(
            StringBuilder sql, Map<String, Object> params, MemoryFilter filter) {
        if (!filter.includeDeleted()) {
            sql.append(" and not deleted");
        }
        if (!filter.includeArchived()) {
            sql.append(
                    " and not archived and (valid_until is null or valid_until >= current_date)");
        }
        if (filter.from() != null) {
            sql.append(" and memory_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and memory_date <= :to");
            params.put("to", filter.to());
        }
        if (filter.undated() != null) {
            sql.append(
                    filter.undated() ? " and memory_date is null" : " and memory_date is not null");
        }
        if (filter.source() != null) {
            sql.append(" and source = :source");
            params.put("source", filter.source());
        }
        if (filter.tag() != null) {
            sql.append(" and :tag = any(tags)");
            params.put("tag", filter.tag());
        }
    }

    /** The memory in any state (deleted and archived too) with its history. */
    Optional<MemoryDetail> find(UUID household, UUID id) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + ", null as rank, null as snippet from memories"
                                + " where id = :id and household_id = :household")
                .param("id", id)
                .param("household", household)
                .query(MemoryQueries::item)
                .optional()
                .map(item -> new MemoryDetail(item, revisions(id)));
    }

    private List<MemoryDetail.Revision> revisions(UUID memory) {
        return jdbc.sql(
                        """
                        select version, memory_date, text, tags, deleted, archived, valid_until,
                            event_id, actor, changed_at
                        from memory_revisions where memory_id = :id order by version
                        """)
                .param("id", memory)
                .query(
                        (rs, n) ->
                                new MemoryDetail.Revision(
                                        rs.getLong("version"),
                                        rs.getObject("memory_date", LocalDate.class),
                                        rs.getString("text"),
                                        tags(rs),
                                        rs.getBoolean("deleted"),
                                        rs.getBoolean("archived"),
                                        rs.getObject("valid_until", LocalDate.class),
                                        rs.getObject("event_id", UUID.class),
                                        rs.getString("actor"),
                                        rs.getObject("changed_at", OffsetDateTime.class)
                                                .toInstant()))
                .list();
    }

    private static MemoryItem item(ResultSet rs, int row) throws SQLException {
        float rank = rs.getFloat("rank");
        boolean ranked = !rs.wasNull();
        return new MemoryItem(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getString("external_key"),
                rs.getString("scope"),
                rs.getObject("memory_date", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getString("text"),
                tags(rs),
                rs.getLong("version"),
                rs.getBoolean("deleted"),
                rs.getBoolean("archived"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("snippet"),
                ranked ? rank : null);
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        return List.of((String[]) rs.getArray("tags").getArray());
    }

    /** The user's text is matched literally: LIKE wildcards in it are escaped. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
