package dev.stevens.briefing.households;

import static dev.stevens.briefing.households.Recipient.EMAIL;
import static dev.stevens.briefing.households.Recipient.TELEGRAM;
import static dev.stevens.briefing.households.Recipient.WEBHOOK;

import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import java.util.Objects;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies household settings to the local copy. A snapshot replaces everything the household had
 * (tokens, recipients) but only when its version is newer, so replays and reordered duplicates
 * change nothing.
 */
@Component
class HouseholdSettingsStore {

    private final JdbcClient jdbc;

    HouseholdSettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns whether the snapshot was newer than the stored one and has been applied. */
    @Transactional
    boolean apply(UUID household, Settings settings) {
        int changed =
                jdbc.sql(
                                """
                                insert into households (id, name, time_zone, brief_time,
                                    form_of_address, telegram_chat_id, version, webhook_signing_secret,
                                    allowed_chats, language)
                                values (:id, :name, :zone, :briefTime, :address, :chat, :version,
                                    :webhookSecret, :allowedChats, :language)
                                on conflict (id) do update set name = excluded.name,
                                    time_zone = excluded.time_zone,
                                    brief_time = excluded.brief_time,
                                    form_of_address = excluded.form_of_address,
                                    telegram_chat_id = excluded.telegram_chat_id,
                                    version = excluded.version,
                                    webhook_signing_secret = excluded.webhook_signing_secret,
                                    allowed_chats = excluded.allowed_chats,
                                    language = excluded.language
                                where households.version < excluded.version
                                """)
                        .param("id", household)
                        .param("name", settings.name())
                        .param("zone", settings.timeZone())
                        .param("briefTime", settings.briefTime())
                        .param("address", settings.formOfAddress())
                        .param("chat", primaryTelegramChat(settings))
                        .param("version", settings.version())
                        .param("webhookSecret", settings.webhookSigningSecret())
                        .param("allowedChats", settings.allowedTelegramChats().toArray(Long[]::new))
                        .param("language", settings.language())
                        .update();
        if (changed == 0) {
            return false;
        }
        replaceTokens(household, settings);
        replaceRecipients(household, settings);
        return true;
    }

    private void replaceTokens(UUID household, Settings settings) {
        jdbc.sql("delete from household_tokens where household_id = ?").param(household).update();
        for (var token : settings.apiTokens()) {
            jdbc.sql(
                            "insert into household_tokens (household_id, token_sha256, scopes)"
                                    + " values (?, ?, ?) on conflict (token_sha256) do nothing")
                    .params(household, token.sha256(), token.scopes().toArray(String[]::new))
                    .update();
        }
    }

    private void replaceRecipients(UUID household, Settings settings) {
        jdbc.sql("delete from household_recipients where household_id = ?")
                .param(household)
                .update();
        for (Recipient recipient : settings.recipients()) {
            if (recipient.telegramChatId() != null) {
                addRecipient(household, TELEGRAM, recipient.telegramChatId().toString(), recipient);
            }
            if (recipient.email() != null && !recipient.email().isBlank()) {
                addRecipient(household, EMAIL, recipient.email().strip(), recipient);
            }
            if (recipient.webhookUrl() != null && !recipient.webhookUrl().isBlank()) {
                addRecipient(household, WEBHOOK, recipient.webhookUrl().strip(), recipient);
            }
        }
    }

    /** The first recipient of an address wins; the same chat listed twice gets one brief. */
    private void addRecipient(UUID household, String channel, String address, Recipient recipient) {
        var quiet = recipient.quietHours();
        jdbc.sql(
                        """
                        insert into household_recipients (household_id, channel, address, name,
                            skip_empty_brief, quiet_start, quiet_end)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (household_id, channel, address) do nothing
                        """)
                .params(
                        household,
                        channel,
                        address,
                        recipient.name(),
                        recipient.skipEmptyBrief(),
                        quiet == null ? null : quiet.start(),
                        quiet == null ? null : quiet.end())
                .update();
    }

    /** The chat of the first recipient with one; kept for features that talk to one chat. */
    private static Long primaryTelegramChat(Settings settings) {
        return settings.recipients().stream()
                .map(Recipient::telegramChatId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
