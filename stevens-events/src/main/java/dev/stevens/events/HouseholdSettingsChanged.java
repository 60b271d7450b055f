package dev.stevens.events;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A household's current settings, published by memory-service on the compacted {@link
 * Topics#HOUSEHOLDS} topic keyed by household id. Other services keep a local copy.
 */
public record HouseholdSettingsChanged(
        UUID id,
        String type,
        String source,
        Instant time,
        UUID household,
        int schemaVersion,
        Settings data)
        implements StevensEvent {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param timeZone IANA zone id, e.g. {@code Europe/London}
     * @param briefTime local time of the morning brief
     * @param formOfAddress how the butler addresses the household, e.g. "Sir" or "the Smiths"
     * @param recipients who receives the brief and on which channels
     * @param allowedTelegramChats chat ids the butler listens to
     * @param apiTokens hashes of the household's live API tokens (revoked ones are absent)
     * @param version increases with every change
     */
    public record Settings(
            String name,
            String timeZone,
            LocalTime briefTime,
            String formOfAddress,
            List<Recipient> recipients,
            List<Long> allowedTelegramChats,
            List<ApiToken> apiTokens,
            long version) {

        public Settings {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            allowedTelegramChats =
                    allowedTelegramChats == null ? List.of() : List.copyOf(allowedTelegramChats);
            apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
        }
    }

    /** A person who receives the brief; any channel may be null. */
    public record Recipient(String name, Long telegramChatId, String email, String webhookUrl) {}

    /**
     * @param sha256 lowercase hex SHA-256 of the token (tokens are long random strings, so a fast
     *     hash is safe)
     * @param scopes e.g. {@code imports:write}, {@code memories:read}
     */
    public record ApiToken(String sha256, List<String> scopes) {
        public ApiToken {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    public static HouseholdSettingsChanged of(
            UUID id, Instant time, UUID household, Settings data) {
        return new HouseholdSettingsChanged(
                id,
                EventTypes.HOUSEHOLD_SETTINGS_CHANGED,
                "/memory-service",
                time,
                household,
                SCHEMA_VERSION,
                data);
    }
}
