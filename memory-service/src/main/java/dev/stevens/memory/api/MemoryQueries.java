package dev.stevens.memory.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only queries behind the memories API. Every query is scoped to the caller's household;
 * filters only ever add parameterised predicates.
 */
@Repository
@Transactional(readOnly = true)
class MemoryQueries {

    private static final String COLUMNS =
            "id, source, external_key, memory_date, text, tags, version, created_at, updated_at";
    private static final String SORT_KEY =
            "(coalesce(memory_date, 'infinity'::date), created_at, id)";

    private final JdbcClient jdbc;

    MemoryQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} memories after the cursor (if any), in the list's sort order. */
    List<MemoryItem> list(UUID household, MemoryFilter filter, Cursor after, int limit) {
        var sql =
                new StringBuilder("select " + COLUMNS)
                        .append(" from memories where household_id = :household and not deleted");
        var params = new HashMap<String, Object>();
        params.put("household", household);
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
        if (filter.q() != null) {
            sql.append(" and text ilike :q");
            params.put("q", "%" + escapeLike(filter.q()) + "%");
        }
        if (after != null) {
            sql.append(
                    " and " + SORT_KEY + " > (cast(:afterDate as date), :afterCreated, :afterId)");
            params.put("afterDate", after.sortDate());
            params.put("afterCreated", after.createdAt().atOffset(ZoneOffset.UTC));
            params.put("afterId", after.id());
        }
        sql.append(" order by " + SORT_KEY.substring(1, SORT_KEY.length() - 1) + " limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(MemoryQueries::item).list();
    }

    Optional<MemoryDetail> find(UUID household, UUID id) {
        return jdbc.sql(
                        "select "
                                + COLUMNS
                                + " from memories where id = :id and household_id = :household"
                                + " and not deleted")
                .param("id", id)
                .param("household", household)
                .query(MemoryQueries::item)
                .optional()
                .map(item -> new MemoryDetail(item, revisions(id)));
    }

    private List<MemoryDetail.Revision> revisions(UUID memory) {
        return jdbc.sql(
                        """
                        select version, memory_date, text, tags, deleted, event_id, actor,
                            changed_at
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
                                        rs.getObject("event_id", UUID.class),
                                        rs.getString("actor"),
                                        rs.getObject("changed_at", OffsetDateTime.class)
                                                .toInstant()))
                .list();
    }

    private static MemoryItem item(ResultSet rs, int row) throws SQLException {
        return new MemoryItem(
                rs.getObject("id", UUID.class),
                rs.getString("source"),
                rs.getString("external_key"),
                rs.getObject("memory_date", LocalDate.class),
                rs.getString("text"),
                tags(rs),
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        return List.of((String[]) rs.getArray("tags").getArray());
    }

    /** The user's text is matched literally: LIKE wildcards in it are escaped. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
