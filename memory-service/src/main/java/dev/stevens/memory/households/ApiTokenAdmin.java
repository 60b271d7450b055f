package dev.stevens.memory.households;

import dev.stevens.support.security.ApiTokens;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A household's own API tokens. Only the SHA-256 of a token is stored; the token is shown once on
 * creation. Creating or revoking one publishes the household's new settings, so ingest and briefing
 * accept or refuse it too.
 */
@Service
class ApiTokenAdmin {

    private final JdbcClient jdbc;
    private final Households households;
    private final HouseholdSettingsChangelog changelog;

    ApiTokenAdmin(JdbcClient jdbc, Households households, HouseholdSettingsChangelog changelog) {
        this.jdbc = jdbc;
        this.households = households;
        this.changelog = changelog;
    }

    record TokenInfo(UUID id, String label, List<String> scopes, Instant createdAt) {}

    record CreatedToken(
            UUID id, String label, List<String> scopes, Instant createdAt, String token) {}

    @Transactional
    CreatedToken create(UUID household, String label, Collection<String> scopes) {
        String token = ApiTokens.generate();
        UUID id =
                households.registerTokenHash(household, ApiTokens.sha256Hex(token), scopes, label);
        changelog.recordChange(household);
        TokenInfo info = find(household, id);
        return new CreatedToken(id, info.label(), info.scopes(), info.createdAt(), token);
    }

    @Transactional(readOnly = true)
    List<TokenInfo> live(UUID household) {
        return jdbc.sql(
                        """
                        select id, label, scopes, created_at from api_tokens
                        where household_id = :h and revoked_at is null
                        order by created_at, id
                        """)
                .param("h", household)
                .query(ApiTokenAdmin::info)
                .list();
    }

    /** False if the household has no such live token. */
    @Transactional
    boolean revoke(UUID household, UUID id) {
        int revoked =
                jdbc.sql(
                                """
                                update api_tokens set revoked_at = :now
                                where id = :id and household_id = :h and revoked_at is null
                                """)
                        .param("now", Households.now())
                        .param("id", id)
                        .param("h", household)
                        .update();
        if (revoked == 0) {
            return false;
        }
        changelog.recordChange(household);
        return true;
    }

    private TokenInfo find(UUID household, UUID id) {
        return jdbc.sql(
                        "select id, label, scopes, created_at from api_tokens"
                                + " where id = :id and household_id = :h")
                .param("id", id)
                .param("h", household)
                .query(ApiTokenAdmin::info)
                .single();
    }

    private static TokenInfo info(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TokenInfo(
                rs.getObject("id", UUID.class),
                rs.getString("label"),
                HouseholdSettingsChangelog.strings(rs.getArray("scopes")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
