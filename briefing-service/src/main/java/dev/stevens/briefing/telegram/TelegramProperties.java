package dev.stevens.briefing.telegram;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Telegram Bot API.
 *
 * @param baseUrl the API's address (tests point it at a stub server)
 * @param botToken the bot's secret token, from the environment ({@code
 *     STEVENS_TELEGRAM_BOT_TOKEN}); blank means briefs are not sent by Telegram
 * @param timeout connect and read timeout of one request
 */
@Validated
@ConfigurationProperties("stevens.telegram")
public record TelegramProperties(
        @DefaultValue("https://api.telegram.org") @NotBlank String baseUrl,
        @DefaultValue("") String botToken,
        @DefaultValue("10s") Duration timeout) {

    public boolean hasBotToken() {
        return botToken != null && !botToken.isBlank();
    }

    /** Never let a log line or error record show the token. */
    @Override
    public String toString() {
        return "TelegramProperties[baseUrl="
                + baseUrl
                + ", botToken="
                + (hasBotToken() ? "***" : "")
                + ", timeout="
                + timeout
                + "]";
    }
}
