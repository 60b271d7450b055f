package dev.stevens.briefing.delivery;

import dev.stevens.briefing.compose.ComposedBrief;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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

    /** Household and day of every brief since {@code since}, as {@code "<household>/<date>"}. */
    Set<String> existingSince(LocalDate since) {
        return new HashSet<>(
                jdbc.sql(
                                "select household_id || '/' || brief_date from briefs"
                                        + " where brief_date >= ?")
                        .param(since)
                        .query(String.class)
                        .list());
    }

    /** How many of the memories the brief mentions are dated (appointments, reminders …). */
    int datedItems(UUID household, ComposedBrief brief) {
        if (brief.used().isEmpty()) {
            return 0;
        }
        return jdbc.sql(
                        "select count(*) from memories where household_id = ? and id = any(?)"
                                + " and memory_date is not null")
                .params(household, brief.memoryIds().toArray(UUID[]::new))
                .query(Integer.class)
                .single();
    }

    /** Inserts the brief unless the day already has one; returns its id if this call made it. */
    Optional<UUID> insertIfAbsent(
            UUID household, LocalDate date, Instant dueAt, ComposedBrief brief, int datedItems) {
        return jdbc.sql(
                        """
                        insert into briefs (id, household_id, brief_date, content, composer,
                            composer_version, memories, dated_items, due_at)
                        values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                        on conflict (household_id, brief_date) do nothing
                        returning id
                        """)
                .params(
                        UUID.randomUUID(),
                        household,
                        date,
                        brief.content(),
                        brief.composer(),
                        brief.composerVersion(),
                        json.writeValueAsString(brief.used()),
                        datedItems,
                        DeliveryStore.ts(dueAt))
                .query(UUID.class)
                .optional();
    }
}
