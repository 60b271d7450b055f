package dev.stevens.briefing.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** The Bot API's sendMessage on the WireMock server, one chat at a time. */
public final class TelegramStub {

    private final WireMockServer server;
    private final String path;

    public TelegramStub(WireMockServer server, String botToken) {
        this.server = server;
        this.path = "/bot" + botToken + "/sendMessage";
    }

    public void accepts(String chat, long messageId) {
        server.stubFor(forChat(chat).willReturn(okJson(sent(messageId))));
    }

    /** Fails with the given status first, then accepts. */
    public void failsOnceThenAccepts(String chat, int status, long messageId) {
        String scenario = "chat " + chat;
        server.stubFor(
                forChat(chat)
                        .inScenario(scenario)
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(error(status, "Internal Server Error"))
                        .willSetStateTo("recovered"));
        server.stubFor(
                forChat(chat)
                        .inScenario(scenario)
                        .whenScenarioStateIs("recovered")
                        .willReturn(okJson(sent(messageId))));
    }

    public void alwaysFails(String chat, int status, String description) {
        server.stubFor(forChat(chat).willReturn(error(status, description)));
    }

    public List<LoggedRequest> requestsFor(String chat) {
        return server.findAll(
                postRequestedFor(urlEqualTo(path))
                        .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat))));
    }

    private MappingBuilder forChat(String chat) {
        return post(urlEqualTo(path)).withRequestBody(matchingJsonPath("$.chat_id", equalTo(chat)));
    }

    private static String sent(long messageId) {
        return "{\"ok\":true,\"result\":{\"message_id\":" + messageId + ",\"date\":1764140430}}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(
            int status, String description) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"ok\":false,\"error_code\":"
                                + status
                                + ",\"description\":\""
                                + description
                                + "\"}");
    }
}
