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
        checkPassword(password);
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

    /**
     * An owner cannot remove their own account, and nobody removes the household's last owner. The
     * owner rows are locked first so two concurrent changes cannot both pass the check.
     */
    void removeAccount(Viewer viewer, UUID id) {
        String role = lockAndFindRole(viewer.household(), id);
        if ("OWNER".equals(role) && owners(viewer.household()) <= 1) {
            throw new IllegalArgumentException("The last owner cannot be removed.");
        }
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

    /** Promotes or demotes an account; the household always keeps at least one owner. */
    void changeRole(UUID household, UUID id, String role) {
        if (!"OWNER".equals(role) && !"MEMBER".equals(role)) {
            throw new IllegalArgumentException("The role is OWNER or MEMBER.");
        }
        String current = lockAndFindRole(household, id);
        if ("OWNER".equals(current) && "MEMBER".equals(role) && owners(household) <= 1) {
            throw new IllegalArgumentException("The last owner cannot be demoted.");
        }
        jdbc.sql("update dashboard_users set role = :r where id = :id and household_id = :h")
                .param("r", role)
                .param("id", id)
                .param("h", household)
                .update();
    }

    /** Sets a new password (the owner tells it to the person); only the hash is stored. */
    void resetPassword(UUID household, UUID id, String password) {
        checkPassword(password);
        int n =
                jdbc.sql(
                                "update dashboard_users set password_hash = :hash"
                                        + " where id = :id and household_id = :h")
                        .param("hash", passwords.encode(password))
                        .param("id", id)
                        .param("h", household)
                        .update();
        if (n == 0) {
            throw new IllegalArgumentException("No such account.");
        }
    }

    private String lockAndFindRole(UUID household, UUID id) {
        jdbc.sql("select id from dashboard_users where household_id = :h for update")
                .param("h", household)
                .query((rs, n) -> rs.getObject(1))
                .list();
        return jdbc.sql("select role from dashboard_users where id = :id and household_id = :h")
                .param("id", id)
                .param("h", household)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("No such account."));
    }

    private long owners(UUID household) {
        return jdbc.sql(
                        "select count(*) from dashboard_users where household_id = :h"
                                + " and role = 'OWNER'")
                .param("h", household)
                .query(Long.class)
                .single();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 12 || password.length() > 200) {
            throw new IllegalArgumentException("A password has 12 to 200 characters.");
        }
    }
}
