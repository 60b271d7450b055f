package dev.stevens.memory.households;

import dev.stevens.events.HouseholdSettingsChanged.Importers;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household's language, recipients, allowed chats and importer settings: the part of its settings
 * the dashboard edits (table {@code dashboard_household_settings}). Households that never saved
 * them there publish their one Telegram chat, as before the dashboard existed.
 */
@Component
public class HouseholdChannels {

    /** The dashboard-edited part of the settings. */
    public record Channels(
            String language,
            List<Recipient> recipients,
            List<Long> allowedTelegramChats,
            Importers importers) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    HouseholdChannels(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Channels of(UUID household) {
        return jdbc.sql(
                        """
                        select language, cast(recipients as text), allowed_telegram_chats,
                            cast(importers as text)
                        from dashboard_household_settings where household_id = :h
                        """)
                .param("h", household)
                .query(
                        (rs, n) ->
                                new Channels(
                                        rs.getString(1),
                                        json.readValue(
                                                rs.getString(2),
                                                new TypeReference<List<Recipient>>() {}),
                                        List.of((Long[]) rs.getArray(3).getArray()),
                                        json.readValue(rs.getString(4), Importers.class)))
                .optional()
                .orElseGet(() -> legacy(household));
    }

    private Channels legacy(UUID household) {
        // a row whose chat column is null: keep it as an Optional (single() refuses nulls)
        Long chat =
                jdbc.sql("select telegram_chat_id from households where id = :h")
                        .param("h", household)
                        .query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class)))
                        .single()
                        .orElse(null);
        return new Channels(
                "en",
                List.of(new Recipient("Household", chat, null, null)),
                chat == null ? List.of() : List.of(chat),
                Importers.NONE);
    }
}
