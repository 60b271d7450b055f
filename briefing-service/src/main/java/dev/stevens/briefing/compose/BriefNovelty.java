package dev.stevens.briefing.compose;

import dev.stevens.briefing.compose.ComposedBrief.MemoryRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each stored brief had that its household's previous brief did not: memories not mentioned
 * before, or mentioned at a lower version. The database fills it in as a brief is inserted
 * (migration V20), so this only reads.
 */
@Component
public class BriefNovelty {

    private static final TypeReference<List<MemoryRef>> REFS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BriefNovelty(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The new memories of the household's briefs with these ids, by brief id. */
    public Map<UUID, List<MemoryRef>> of(UUID household, List<UUID> briefs) {
        Map<UUID, List<MemoryRef>> result = new HashMap<>();
        if (briefs.isEmpty()) {
            return result;
        }
        jdbc.sql(
                        """
                        select id, coalesce(new_memories, '[]'::jsonb)::text as fresh from briefs
                        where household_id = :household and id in (:ids)
                        """)
                .param("household", household)
                .param("ids", briefs)
                .query(
                        (rs, row) ->
                                result.put(
                                        rs.getObject("id", UUID.class),
                                        json.readValue(rs.getString("fresh"), REFS)))
                .list();
        return result;
    }
}
