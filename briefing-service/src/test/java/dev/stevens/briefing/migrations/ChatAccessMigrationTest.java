package dev.stevens.briefing.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.testing.RealInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V22 moves who may chat with the butler from chat's own copy ({@code chat_households}) onto the
 * households read model. What chat knew before must survive the move, and the previous release
 * (which reads and writes only {@code chat_households}) must keep running on the new schema.
 */
class ChatAccessMigrationTest {

    private static final String HOUSEHOLD = "00000000-0000-0000-0000-0000000000c1";

    @Test
    void allowedChatsAndLanguageMoveOntoTheHouseholdAndThePreviousReleaseStillRuns()
            throws Exception {
        var database = RealInfrastructure.shared().newDatabase("chat_access_migration");
        migrate(database, "21");
        try (Connection connection = connect(database)) {
            // what the previous release had written: the household and chat's own copy of it
            execute(
                    connection,
                    "insert into households (id, name, time_zone, brief_time, version)"
                            + " values ('"
                            + HOUSEHOLD
                            + "', 'Before', 'UTC', '07:00', 3)");
            execute(
                    connection,
                    "insert into chat_households (household_id, allowed_chats, language, version)"
                            + " values ('"
                            + HOUSEHOLD
                            + "', '{42,43}', 'de', 3)");
        }

        migrate(database, "latest");

        try (Connection connection = connect(database)) {
            try (var rs =
                    connection
                            .createStatement()
                            .executeQuery(
                                    "select allowed_chats, language from households where id = '"
                                            + HOUSEHOLD
                                            + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat((Long[]) rs.getArray(1).getArray()).containsExactly(42L, 43L);
                assertThat(rs.getString(2)).isEqualTo("de");
            }
            // the previous release's chat-households statements, verbatim in shape
            execute(
                    connection,
                    """
                    insert into chat_households (household_id, allowed_chats, language, version)
                    values ('%s', '{44}', 'en', 4)
                    on conflict (household_id) do update set
                        allowed_chats = excluded.allowed_chats,
                        language = excluded.language, version = excluded.version
                    where chat_households.version < excluded.version
                    """
                            .formatted(HOUSEHOLD));
            execute(
                    connection,
                    "select household_id, allowed_chats, language from chat_households"
                            + " where household_id = '"
                            + HOUSEHOLD
                            + "'");
            // and its households upsert, which names none of the new columns
            execute(
                    connection,
                    """
                    insert into households (id, name, time_zone, brief_time, form_of_address,
                        telegram_chat_id, version, webhook_signing_secret)
                    values ('00000000-0000-0000-0000-0000000000c2', 'Old writer', 'UTC', '07:00',
                        null, null, 1, null)
                    """);
        }
    }

    private static void migrate(RealInfrastructure.Database database, String target) {
        Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration/briefing")
                .target(target)
                .load()
                .migrate();
    }

    private static Connection connect(RealInfrastructure.Database database) throws SQLException {
        return DriverManager.getConnection(
                database.jdbcUrl(), database.username(), database.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
