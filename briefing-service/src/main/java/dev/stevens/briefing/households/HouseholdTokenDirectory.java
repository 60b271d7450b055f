package dev.stevens.briefing.households;

import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.HouseholdCaller;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers bearer tokens from the token hashes published with the household settings. */
@Component
class HouseholdTokenDirectory implements ApiTokenDirectory {

    private final JdbcClient jdbc;

    HouseholdTokenDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HouseholdCaller> findByTokenHash(String sha256Hex) {
        return jdbc.sql("select household_id, scopes from household_tokens where token_sha256 = ?")
                .param(sha256Hex)
                .query(
                        (rs, row) ->
                                new HouseholdCaller(
                                        rs.getObject("household_id", UUID.class),
                                        scopes(rs.getArray("scopes"))))
                .optional();
    }

    private static Set<String> scopes(Array array) throws SQLException {
        return Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
