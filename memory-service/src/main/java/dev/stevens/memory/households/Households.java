package dev.stevens.memory.households;

import dev.stevens.support.security.ApiTokens;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates households and their API tokens. Every change is published as the household's full
 * settings on {@code stevens.households.v1} (via the outbox, in the same transaction).
 */
@Service
public class Households {

    private final JdbcClient jdbc;
    private final HouseholdSettingsChangelog changelog;

    Households(JdbcClient jdbc, HouseholdSettingsChangelog changelog) {
        this.jdbc = jdbc;
        this.changelog = changelog;
    }

    /** Creates a household with a random id. */
    @Transactional
    public UUID create(NewHousehold household) {
        UUID id = UUID.randomUUID();
        insert(id, household);
        changelog.recordChange(id);
        return id;
    }

    /** Creates a household with a new full-access token and returns the token (shown once). */
    @Transactional
    public Created createWithToken(NewHousehold household, Collection<String> scopes) {
        UUID id = UUID.randomUUID();
        insert(id, household);
        String token = ApiTokens.generate();
        registerTokenHash(id, ApiTokens.sha256Hex(token), scopes, "initial");
        changelog.recordChange(id);
        return new Created(id, token);
    }

    /** A household and its API token in plain text (which is not stored anywhere). */
    public record Created(UUID household, String token) {}

    @Transactional(readOnly = true)
    public boolean exists(UUID household) {
        return jdbc.sql("select count(*) from households where id = :id")
                        .param("id", household)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID id, NewHousehold household) {
        var now = now();
        jdbc.sql(
                        """
                        insert into households (id, name, time_zone, brief_time, form_of_address,
                            telegram_chat_id, version, created_at, updated_at)
                        values (:id, :name, :zone, :briefTime, :address, :chat, 0, :now, :now)
                        """)
                .param("id", id)
                .param("name", household.name())
                .param("zone", household.timeZone().getId())
                .param("briefTime", household.briefTime())
                .param("address", household.formOfAddress())
                .param("chat", household.telegramChatId())
                .param("now", now)
                .update();
    }

    UUID registerTokenHash(UUID household, String sha256, Collection<String> scopes, String label) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        """
                        insert into api_tokens (id, household_id, token_sha256, scopes, label,
                            created_at)
                        values (:id, :household, :sha, :scopes, :label, :now)
                        """)
                .param("id", id)
                .param("household", household)
                .param("sha", sha256)
                .param("scopes", scopes.toArray(String[]::new))
                .param("label", label)
                .param("now", now())
                .update();
        return id;
    }

    static java.time.OffsetDateTime now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
