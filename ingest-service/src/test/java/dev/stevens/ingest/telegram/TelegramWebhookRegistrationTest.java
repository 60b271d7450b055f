package dev.stevens.ingest.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stevens.testing.IntegrationTest;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** setWebhook against WireMock playing the Bot API. */
@IntegrationTest(
        properties = {
            "stevens.telegram.register-webhook=true",
            "stevens.telegram.bot-token=123456:ABC-test-token",
            "stevens.telegram.webhook-secret=registration_secret",
            "stevens.telegram.public-url=https://stevens.example.org/"
        })
class TelegramWebhookRegistrationTest {

    private static final String SET_WEBHOOK = "/bot123456:ABC-test-token/setWebhook";
    static final WireMockServer botApi = new WireMockServer(options().dynamicPort());

    static {
        botApi.start();
        botApi.stubFor(
                post(urlEqualTo(SET_WEBHOOK))
                        .willReturn(
                                okJson(
                                        "{\"ok\":true,\"result\":true,"
                                                + "\"description\":\"Webhook was set\"}")));
    }

    @DynamicPropertySource
    static void botApiUrl(DynamicPropertyRegistry registry) {
        registry.add("stevens.telegram.base-url", botApi::baseUrl);
    }

    @AfterAll
    static void stopBotApi() {
        botApi.stop();
    }

    @Autowired TelegramWebhookRegistration registration;
    @Autowired JsonMapper json;

    @Test
    void atStartUpTheWebhookIsRegisteredWithItsUrlSecretAndUpdateKinds() {
        assertThat(registration.isRegistered()).isTrue();
        botApi.verify(
                postRequestedFor(urlEqualTo(SET_WEBHOOK))
                        .withRequestBody(
                                equalToJson(
                                        """
                                        {"url": "https://stevens.example.org/telegram/webhook",
                                         "secret_token": "registration_secret",
                                         "allowed_updates": ["message", "edited_message", "channel_post"]}
                                        """)));
    }

    @Test
    void aRefusalFromTelegramIsReportedWithItsDescription() {
        var refusing = new WireMockServer(options().dynamicPort());
        refusing.start();
        try {
            refusing.stubFor(
                    post(urlEqualTo(SET_WEBHOOK))
                            .willReturn(
                                    aResponse()
                                            .withStatus(400)
                                            .withHeader("Content-Type", "application/json")
                                            .withBody(
                                                    "{\"ok\":false,\"error_code\":400,"
                                                            + "\"description\":\"Bad Request: bad"
                                                            + " webhook: HTTPS url must be"
                                                            + " provided for webhook\"}")));
            var properties =
                    new TelegramProperties(
                            "123456:ABC-test-token",
                            URI.create(refusing.baseUrl()),
                            "registration_secret",
                            URI.create("http://insecure.example.org"),
                            true,
                            100);

            assertThatThrownBy(() -> new TelegramWebhookRegistration(properties, json).register())
                    .hasMessageContaining("400")
                    .hasMessageContaining("HTTPS url must be provided");
        } finally {
            refusing.stop();
        }
    }

    @Test
    void withoutBotTokenSecretOrPublicUrlNothingIsSent() {
        var properties =
                new TelegramProperties("", URI.create(botApi.baseUrl()), "s", null, true, 100);

        assertThatThrownBy(() -> new TelegramWebhookRegistration(properties, json).register())
                .hasMessageContaining("bot-token");
    }
}
