package dev.stevens.briefing.delivery;

import dev.stevens.briefing.compose.ComposedBrief;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The briefs table: at most one brief per household and day, whoever writes first wins. */
@Component
class BriefStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BriefStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<UUID> find(UUID household, LocalDate date) {
        return jdbc.sql("select id from briefs where household_id = ? and brief_date = ?")
                .params(household, date)
                .query(UUID.class)
                .optional();
    }

    /** Inserts the brief unless the day already has one, and returns the day's brief id. */
    UUID insertIfAbsent(UUID household, LocalDate date, ComposedBrief brief) {
        jdbc.sql(
                        """
                        insert into briefs (id, household_id, brief_date, content, composer,
                            composer_version, memories)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                        on conflict (household_id, brief_date) do nothing
                        """)
                .params(
                        UUID.randomUUID(),
                        household,
                        date,
                        brief.content(),
                        brief.composer(),
                        brief.composerVersion(),
                        json.writeValueAsString(brief.used()))
                .update();
        return find(household, date).orElseThrow();
    }
}
