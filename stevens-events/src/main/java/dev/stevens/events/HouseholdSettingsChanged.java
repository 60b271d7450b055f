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
     * @param language brief and chat language, e.g. {@code en}
     * @param importers what the built-in importers fetch for this household
     * @param webhookSigningSecret HMAC-SHA256 key for webhook deliveries (may be null)
     */
    public record Settings(
            String name,
            String timeZone,
            LocalTime briefTime,
            String formOfAddress,
            List<Recipient> recipients,
            List<Long> allowedTelegramChats,
            List<ApiToken> apiTokens,
            long version,
            String language,
            Importers importers,
            String webhookSigningSecret) {

        public Settings {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            allowedTelegramChats =
                    allowedTelegramChats == null ? List.of() : List.copyOf(allowedTelegramChats);
            apiTokens = apiTokens == null ? List.of() : List.copyOf(apiTokens);
            language = language == null ? "en" : language;
            importers = importers == null ? Importers.NONE : importers;
        }

        /** Settings before importers, language and webhook signing existed (schema v1 start). */
        public Settings(
                String name,
                String timeZone,
                LocalTime briefTime,
                String formOfAddress,
                List<Recipient> recipients,
                List<Long> allowedTelegramChats,
                List<ApiToken> apiTokens,
                long version) {
            this(
                    name,
                    timeZone,
                    briefTime,
                    formOfAddress,
                    recipients,
                    allowedTelegramChats,
                    apiTokens,
                    version,
                    null,
                    null,
                    null);
        }
    }

    /**
     * A person who receives the brief; any channel may be null.
     *
     * @param skipEmptyBrief true: no brief on days with nothing dated
     * @param quietHours no delivery in this local window (the brief waits for its end); may be null
     */
    public record Recipient(
            String name,
            Long telegramChatId,
            String email,
            String webhookUrl,
            boolean skipEmptyBrief,
            QuietHours quietHours) {

        public Recipient(String name, Long telegramChatId, String email, String webhookUrl) {
            this(name, telegramChatId, email, webhookUrl, false, null);
        }
    }

    /** A local-time window; {@code start} after {@code end} wraps midnight (22:00–07:00). */
    public record QuietHours(LocalTime start, LocalTime end) {}

    /**
     * @param location where the weather importer forecasts for; null = no weather
     * @param calendarFeeds ICS feeds to poll
     * @param allowedEmailSenders addresses whose forwarded mail becomes memories (lower case)
     */
    public record Importers(
            Location location, List<CalendarFeed> calendarFeeds, List<String> allowedEmailSenders) {

        public static final Importers NONE = new Importers(null, List.of(), List.of());

        public Importers {
            calendarFeeds = calendarFeeds == null ? List.of() : List.copyOf(calendarFeeds);
            allowedEmailSenders =
                    allowedEmailSenders == null ? List.of() : List.copyOf(allowedEmailSenders);
        }
    }

    /**
     * @param name a short label used in external keys, e.g. {@code home}
     * @param units {@code metric} or {@code imperial}
     */
    public record Location(String name, double latitude, double longitude, String units) {}

    /**
     * @param id stable feed id used in external keys and snapshot scopes
     * @param username optional basic-auth user
     * @param password optional basic-auth password
     */
    public record CalendarFeed(String id, String url, String username, String password) {
        @Override
        public String toString() {
            return "CalendarFeed[id=" + id + ", url=" + url + "]";
        }
    }

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
