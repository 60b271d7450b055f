package dev.stevens.e2e.faults;

import dev.stevens.events.Topics;
import dev.stevens.launcher.StevensServices;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a {@link ValidFollowers.Follower}'s effect shows in the services' own state. */
final class FollowerEffects {

    private FollowerEffects() {}

    /** Whether every service that reads the follower's topic shows the follower's effect. */
    static boolean applied(ValidFollowers.Follower follower, StevensServices stevens) {
        var memoryDb = new JdbcTemplate(stevens.memoryContext().getBean(DataSource.class));
        var briefingDb = new JdbcTemplate(stevens.briefingContext().getBean(DataSource.class));
        UUID subject = follower.subject();
        return switch (follower.topic()) {
            case Topics.IMPORTS -> one(memoryDb, "memories where last_event_id = ?", subject);
            case Topics.MEMORY_COMMANDS -> one(memoryDb, "memories where id = ?", subject);
            case Topics.MEMORIES -> one(briefingDb, "memories where id = ?", subject);
            case Topics.CHAT ->
                    one(memoryDb, "dashboard_chat_messages where event_id = ?", subject);
            case Topics.IMPORTER_RUNS ->
                    one(memoryDb, "dashboard_importer_runs where event_id = ?", subject);
            case Topics.BRIEFS -> one(memoryDb, "dashboard_briefs where brief_id = ?", subject);
            // ingest-service reads this topic without a consumer group: its directory is the only
            // proof that it got past the poison record
            case Topics.HOUSEHOLDS ->
                    stevens.ingestContext()
                                    .getBean(dev.stevens.ingest.households.HouseholdDirectory.class)
                                    .settings(subject)
                                    .isPresent()
                            && stevens.briefingContext()
                                    .getBean(
                                            dev.stevens.briefing.households.HouseholdDirectory
                                                    .class)
                                    .find(subject)
                                    .isPresent();
            // briefing-service answered the request, and memory-service kept the answer
            case Topics.BRIEF_REQUESTS ->
                    one(
                            memoryDb,
                            "dashboard_brief_requests where request_id = ? and outcome is not null",
                            subject);
            case Topics.BRIEF_ANSWERS ->
                    one(memoryDb, "dashboard_brief_requests where request_id = ?", subject);
            default -> throw new IllegalArgumentException("no effect known for " + follower);
        };
    }

    private static boolean one(JdbcTemplate db, String rowsWhere, UUID subject) {
        return db.queryForObject("select count(*) from " + rowsWhere, Integer.class, subject) == 1;
    }
}
