package dev.stevens.memory.dashboard.settings;

import dev.stevens.memory.dashboard.Viewer;
import dev.stevens.support.security.ApiTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Dashboard accounts and API tokens of one household; callers run it in their transaction. */
@Component
class AccountsAndTokens {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    AccountsAndTokens(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Only the SHA-256 is stored; the returned token is shown once. */
    String createToken(UUID household, String label, List<String> scopes) {
        String token = ApiTokens.generate();
        jdbc.sql(
                        """
                        insert into api_tokens (id, household_id, token_sha256, scopes, label, created_at)
                        values (:id, :h, :sha, :scopes, :label, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("h", household)
                .param("sha", ApiTokens.sha256Hex(token))
                .param("scopes", scopes.toArray(String[]::new))
                .param("label", label)
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return token;
    }

    void revokeToken(UUID household, UUID id) {
        int n =
                jdbc.sql(
                                "update api_tokens set revoked_at = :now where id = :id and household_id = :h"
                                        + " and revoked_at is null")
                        .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                        .param("id", id)
                        .param("h", household)
                        .update();
        if (n == 0) {
            throw new IllegalArgumentException("No live token with this id.");
        }
    }

    void createAccount(UUID household, String username, String password, String role) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!user.matches("[a-z0-9._-]{2,40}")) {
            throw new IllegalArgumentException(
                    "A username is 2 to 40 of a-z, 0-9, '.', '_' and '-'.");
        }
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new IllegalArgumentException("A password has 12 to 200 characters.");
        }
        if (!"OWNER".equals(role) && !"MEMBER".equals(role)) {
            throw new IllegalArgumentException("The role is OWNER or MEMBER.");
        }
        int n =
                jdbc.sql(
                                """
                        insert into dashboard_users (id, household_id, username, password_hash, role)
                        values (:id, :h, :u, :hash, :role) on conflict (username) do nothing
                        """)
                        .param("id", UUID.randomUUID())
                        .param("h", household)
                        .param("u", user)
                        .param("hash", passwords.encode(password))
                        .param("role", role)
                        .update();
        if (n == 0) {
            throw new IllegalArgumentException("That username is taken.");
        }
    }

    /** An owner cannot remove their own account (the household would lose its last owner). */
    void removeAccount(Viewer viewer, UUID id) {
        int n =
                jdbc.sql(
                                "delete from dashboard_users where id = :id and household_id = :h"
                                        + " and username <> :me")
                        .param("id", id)
                        .param("h", viewer.household())
                        .param("me", viewer.username())
                        .update();
        if (n == 0) {
            throw new IllegalArgumentException("No such account (or it is your own).");
        }
    }
}
