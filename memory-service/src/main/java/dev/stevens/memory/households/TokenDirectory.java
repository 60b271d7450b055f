package dev.stevens.memory.households;

import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.security.HouseholdCaller;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers bearer-token lookups from this service's own api_tokens table (live tokens only). */
@Component
class TokenDirectory implements ApiTokenDirectory {

    private final JdbcClient jdbc;

    TokenDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HouseholdCaller> findByTokenHash(String sha256Hex) {
        return jdbc.sql(
                        """
                        select household_id, scopes from api_tokens
                        where token_sha256 = :sha and revoked_at is null
                        """)
                .param("sha", sha256Hex)
                .query(
                        (rs, n) ->
                                new HouseholdCaller(
                                        rs.getObject("household_id", UUID.class),
                                        new HashSet<>(
                                                HouseholdSettingsChangelog.strings(
                                                        rs.getArray("scopes")))))
                .optional();
    }
}
