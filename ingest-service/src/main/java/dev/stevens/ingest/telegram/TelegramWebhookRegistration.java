package dev.stevens.ingest.telegram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@code <publicUrl>/telegram/webhook} with Telegram ({@code setWebhook} with our secret)
 * once at start-up when {@code stevens.telegram.register-webhook=true}. A failure is logged and the
 * service keeps running: inbound chat is then down, everything else is not.
 */
@Component
@ConditionalOnProperty(name = "stevens.telegram.register-webhook", havingValue = "true")
class TelegramWebhookRegistration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookRegistration.class);
    static final List<String> ALLOWED_UPDATES =
            List.of("message", "edited_message", "channel_post");

    private final TelegramProperties properties;
    private final JsonMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private volatile boolean registered;

    TelegramWebhookRegistration(TelegramProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            register();
        } catch (RuntimeException | IOException e) {
            log.error("Could not register the Telegram webhook: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isRegistered() {
        return registered;
    }

    void register() throws IOException, InterruptedException {
        if (isBlank(properties.botToken())
                || isBlank(properties.webhookSecret())
                || properties.publicUrl() == null) {
            throw new IllegalStateException(
                    "set stevens.telegram.bot-token, webhook-secret and public-url first");
        }
        String webhook =
                properties.publicUrl().toString().replaceAll("/+$", "")
                        + TelegramWebhookController.PATH;
        String body =
                json.writeValueAsString(
                        Map.of(
                                "url", webhook,
                                "secret_token", properties.webhookSecret(),
                                "allowed_updates", ALLOWED_UPDATES));
        String base = properties.baseUrl().toString().replaceAll("/+$", "");
        // the bot token is part of the path: never log this URI
        var request =
                HttpRequest.newBuilder(
                                URI.create(base + "/bot" + properties.botToken() + "/setWebhook"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = response.body().isBlank() ? null : json.readTree(response.body());
        if (response.statusCode() != 200 || answer == null || !answer.path("ok").asBoolean()) {
            String description = answer == null ? "" : answer.path("description").asString();
            throw new IllegalStateException(
                    "setWebhook answered " + response.statusCode() + " " + description);
        }
        registered = true;
        log.info("Telegram webhook registered at {}", webhook);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
