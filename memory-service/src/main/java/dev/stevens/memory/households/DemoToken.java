package dev.stevens.memory.households;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo household has exactly one live demo token: the configured one. A token configured
 * earlier (the launcher generates a new one when none is set) is revoked.
 */
class DemoToken {

    private final JdbcClient jdbc;
    private final Households households;

    DemoToken(JdbcClient jdbc, Households households) {
        this.jdbc = jdbc;
        this.households = households;
    }

    /** Returns true if anything changed. */
    boolean ensure(UUID household, String sha256) {
        int revoked =
                jdbc.sql(
                                """
                                update api_tokens set revoked_at = :now
                                where household_id = :h and label = :label
                                    and token_sha256 <> :sha and revoked_at is null
                                """)
                        .param("now", Households.now())
                        .param("h", household)
                        .param("label", DemoHousehold.TOKEN_LABEL)
                        .param("sha", sha256)
                        .update();
        Optional<UUID> owner =
                jdbc.sql(
                                """
                                select household_id from api_tokens
                                where token_sha256 = :sha and revoked_at is null
                                    and scopes @> cast(:scopes as text[])
                                """)
                        .param("sha", sha256)
                        .param("scopes", Scopes.ALL.toArray(String[]::new))
                        .query(UUID.class)
                        .optional();
        if (owner.isPresent()) {
            if (!owner.get().equals(household)) {
                throw new IllegalStateException(
                        "The configured demo token belongs to another household");
            }
            return revoked > 0;
        }
        // unknown, revoked or with too few scopes: (re)register it with the demo scopes
        jdbc.sql("delete from api_tokens where token_sha256 = :sha and household_id = :h")
                .param("sha", sha256)
                .param("h", household)
                .update();
        households.registerTokenHash(
                household, sha256, List.copyOf(Scopes.ALL), DemoHousehold.TOKEN_LABEL);
        return true;
    }
}
