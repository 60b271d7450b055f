package dev.stevens.memory.dashboard.settings;

import dev.stevens.events.HouseholdSettingsChanged.Importers;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.memory.households.HouseholdChannels;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The household's settings rows; every statement is scoped to one household. */
@Component
class SettingsStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final HouseholdChannels channels;

    SettingsStore(JdbcClient jdbc, JsonMapper json, HouseholdChannels channels) {
        this.jdbc = jdbc;
        this.json = json;
        this.channels = channels;
    }

    record General(
            String name,
            String timeZone,
            LocalTime briefTime,
            String formOfAddress,
            long version) {}

    /** What only the dashboard edits; defaults mirror what was published before it existed. */
    record Extra(
            String language,
            List<Recipient> recipients,
            List<Long> allowedTelegramChats,
            Importers importers) {

        Extra withLanguage(String language) {
            return new Extra(language, recipients, allowedTelegramChats, importers);
        }

        Extra withRecipients(List<Recipient> recipients) {
            return new Extra(language, recipients, allowedTelegramChats, importers);
        }

        Extra withAllowedTelegramChats(List<Long> allowedTelegramChats) {
            return new Extra(language, recipients, allowedTelegramChats, importers);
        }

        Extra withImporters(Importers importers) {
            return new Extra(language, recipients, allowedTelegramChats, importers);
        }
    }

    record Account(UUID id, String username, String role) {}

    record Token(UUID id, String label, List<String> scopes, Instant createdAt) {}

    General general(UUID household) {
        return jdbc.sql(
                        "select name, time_zone, brief_time, form_of_address, version from households"
                                + " where id = :h")
                .param("h", household)
                .query(
                        (rs, n) ->
                                new General(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getObject(3, LocalTime.class),
                                        rs.getString(4),
                                        rs.getLong(5)))
                .single();
    }

    Extra extra(UUID household) {
        var channels = this.channels.of(household);
        return new Extra(
                channels.language(),
                channels.recipients(),
                channels.allowedTelegramChats(),
                channels.importers());
    }

    void saveGeneral(UUID household, String zone, LocalTime briefTime, String address) {
        jdbc.sql(
                        "update households set time_zone = :zone, brief_time = :time,"
                                + " form_of_address = :address where id = :h")
                .param("zone", zone)
                .param("time", briefTime)
                .param("address", address)
                .param("h", household)
                .update();
    }

    void saveExtra(UUID household, Extra extra) {
        jdbc.sql(
                        """
                        insert into dashboard_household_settings (household_id, language, recipients,
                            allowed_telegram_chats, importers, updated_at)
                        values (:h, :language, cast(:recipients as jsonb), :chats,
                            cast(:importers as jsonb), :now)
                        on conflict (household_id) do update set language = excluded.language,
                            recipients = excluded.recipients,
                            allowed_telegram_chats = excluded.allowed_telegram_chats,
                            importers = excluded.importers, updated_at = excluded.updated_at
                        """)
                .param("h", household)
                .param("language", extra.language())
                .param("recipients", json.writeValueAsString(extra.recipients()))
                .param("chats", extra.allowedTelegramChats().toArray(Long[]::new))
                .param("importers", json.writeValueAsString(extra.importers()))
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<Account> accounts(UUID household) {
        return jdbc.sql(
                        "select id, username, role from dashboard_users where household_id = :h"
                                + " order by username")
                .param("h", household)
                .query(
                        (rs, n) ->
                                new Account(
                                        rs.getObject(1, UUID.class),
                                        rs.getString(2),
                                        rs.getString(3)))
                .list();
    }

    List<Token> tokens(UUID household) {
        return jdbc.sql(
                        """
                        select id, label, scopes, created_at from api_tokens
                        where household_id = :h and revoked_at is null order by created_at, id
                        """)
                .param("h", household)
                .query(
                        (rs, n) ->
                                new Token(
                                        rs.getObject(1, UUID.class),
                                        rs.getString(2),
                                        List.of((String[]) rs.getArray(3).getArray()),
                                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
    }
}
