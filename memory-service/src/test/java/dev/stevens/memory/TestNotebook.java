package dev.stevens.memory;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the notebook's tables directly, as a test's source of truth. */
public record TestNotebook(JdbcClient jdbc) {

    public record Row(
            UUID id,
            String externalKey,
            String text,
            long version,
            boolean deleted,
            boolean archived,
            String lastActor) {}

    public List<Row> memories(UUID household) {
        return jdbc.sql(
                        """
                        select id, external_key, text, version, deleted, archived, last_actor
                        from memories where household_id = :h order by created_at, id
                        """)
                .param("h", household)
                .query(
                        (rs, n) ->
                                new Row(
                                        rs.getObject("id", UUID.class),
                                        rs.getString("external_key"),
                                        rs.getString("text"),
                                        rs.getLong("version"),
                                        rs.getBoolean("deleted"),
                                        rs.getBoolean("archived"),
                                        rs.getString("last_actor")))
                .list();
    }

    public Row byKey(UUID household, String externalKey) {
        return memories(household).stream()
                .filter(row -> externalKey.equals(row.externalKey()))
                .findFirst()
                .orElse(null);
    }

    public Row byId(UUID id) {
        return jdbc.sql(
                        """
                        select id, external_key, text, version, deleted, archived, last_actor
                        from memories where id = :id
                        """)
                .param("id", id)
                .query(
                        (rs, n) ->
                                new Row(
                                        rs.getObject("id", UUID.class),
                                        rs.getString("external_key"),
                                        rs.getString("text"),
                                        rs.getLong("version"),
                                        rs.getBoolean("deleted"),
                                        rs.getBoolean("archived"),
                                        rs.getString("last_actor")))
                .optional()
                .orElse(null);
    }

    public List<String> actors(UUID memory) {
        return jdbc.sql("select actor from memory_revisions where memory_id = :id order by version")
                .param("id", memory)
                .query(String.class)
                .list();
    }
}
