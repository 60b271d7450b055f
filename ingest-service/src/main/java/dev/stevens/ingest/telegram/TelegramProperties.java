package dev.stevens.ingest.telegram;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The same {@code stevens.telegram} prefix as briefing-service's delivery settings, so one bot
 * token and base URL serve both when they run together.
 *
 * @param botToken the deployment's bot token (environment only); needed to register the webhook
 * @param baseUrl the Bot API base URL
 * @param webhookSecret what Telegram must send in {@code X-Telegram-Bot-Api-Secret-Token}; blank
 *     refuses every update (fail closed)
 * @param publicUrl this service's public base URL, e.g. {@code https://stevens.example.org}
 * @param registerWebhook true: call {@code setWebhook} once at start-up
 * @param rememberedUpdates how many recent update ids are remembered to ignore repeats
 */
@Validated
@ConfigurationProperties("stevens.telegram")
record TelegramProperties(
        String botToken,
        @DefaultValue("https://api.telegram.org") @NotNull URI baseUrl,
        String webhookSecret,
        URI publicUrl,
        @DefaultValue("false") boolean registerWebhook,
        @DefaultValue("10000") @Min(1) int rememberedUpdates) {

    @Override
    public String toString() {
        return "TelegramProperties[baseUrl=" + baseUrl + ", publicUrl=" + publicUrl + "]";
    }
}
