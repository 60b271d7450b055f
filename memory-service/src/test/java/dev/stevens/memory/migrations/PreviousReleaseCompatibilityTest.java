package dev.stevens.memory.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.testing.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The previous release keeps running while the new one migrates: after every current migration,
 * each statement the previous release's persistence code runs (kept in {@code
 * previous-release/queries.sql}) must still succeed.
 */
class PreviousReleaseCompatibilityTest {

    @Test
    void thePreviousReleasesQueriesRunAgainstTheMigratedSchema() throws Exception {
        var database = RealInfrastructure.shared().newDatabase("previous_release");
        var result =
                Flyway.configure()
                        .dataSource(database.jdbcUrl(), database.username(), database.password())
                        .locations("classpath:db/migration/memory")
                        .load()
                        .migrate();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(3);

        List<String> statements = statements();
        assertThat(statements).hasSizeGreaterThan(20);
        try (var connection =
                DriverManager.getConnection(
                        database.jdbcUrl(), database.username(), database.password())) {
            for (String statement : statements) {
                try (var jdbc = connection.createStatement()) {
                    jdbc.execute(statement);
                } catch (java.sql.SQLException e) {
                    throw new AssertionError("previous release statement failed: " + statement, e);
                }
            }
            // what the previous release wrote is valid for the new one
            try (var check = connection.createStatement();
                    var rs =
                            check.executeQuery(
                                    "select archived, deleted, search is not null from memories"
                                            + " where id = '00000000-0000-0000-0000-0000000000d2'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getBoolean(3)).isTrue();
            }
        }
    }

    private static List<String> statements() throws Exception {
        try (var in =
                PreviousReleaseCompatibilityTest.class.getResourceAsStream(
                        "/previous-release/queries.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Stream.of(sql.split("(?m)^;\\s*$"))
                    .map(s -> s.replaceAll("(?m)^--.*$", "").trim())
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}
