package dev.stevens.briefing.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Free text answered by the language model (an Anthropic Messages API stub) in the butler's voice.
 */
@TestPropertySource(
        properties = {
            "stevens.llm.provider=anthropic",
            "stevens.llm.model=claude-test",
            "stevens.llm.api-key=test-key",
            "stevens.chat.history-size=3"
        })
class ButlerTalkTest extends BriefingIntegrationTest {

    static final WireMockServer anthropic = started();

    @Autowired EventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired WireMockServer wireMock;
    @Autowired MutableClock clock;
    ChatFixture chat;

    @DynamicPropertySource
    static void anthropicStub(DynamicPropertyRegistry registry) {
        registry.add("stevens.llm.base-url", anthropic::baseUrl);
    }

    @AfterAll
    static void stopStub() {
        anthropic.stop();
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-26T09:00:00Z"));
        chat = new ChatFixture(publisher, jdbc, wireMock, BOT_TOKEN, clock).create(true);
        anthropic.stubFor(
                post(urlEqualTo("/v1/messages"))
                        .willReturn(okJson(answer("Indeed, Sir: the dentist at 14:30."))));
    }

    @Test
    void freeTextIsAnsweredByTheModelWithTheNewestMessagesAndTheNotebook() {
        UUID dentist = chat.memory(LocalDate.parse("2026-11-26"), "14:30 Dentist with Dr Patel");
        String marker = chat.household.toString();

        chat.say("First, an old remark " + marker);
        chat.say("Second remark " + marker);
        chat.say("Have I anything this afternoon? " + marker);

        assertThat(chat.reply(3)).isEqualTo("Indeed, Sir: the dentist at 14:30.");
        var last =
                anthropic
                        .findAll(
                                postRequestedFor(urlEqualTo("/v1/messages"))
                                        .withRequestBody(containing("this afternoon? " + marker)))
                        .get(0)
                        .getBodyAsString();
        assertThat(last)
                .contains("You are Stevens, the butler")
                .contains("[" + dentist + "] 2026-11-26")
                .contains("Ada: Second remark")
                .contains("Indeed, Sir: the dentist at 14:30.")
                .doesNotContain("First, an old remark");
    }

    @Test
    void whenTheModelFailsTheButlerApologisesAndCommandsStillWork() {
        anthropic.stubFor(
                post(urlEqualTo("/v1/messages"))
                        .withRequestBody(containing("please fail"))
                        .willReturn(aResponse().withStatus(529).withBody("{}")));

        chat.say("please fail " + chat.household);
        chat.say("/help");

        assertThat(chat.reply(1)).contains("I am terribly sorry, Sir", "/help");
        assertThat(chat.reply(2)).contains("/remember");
    }

    private static String answer(String text) {
        return """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-test",
                 "content":[{"type":"text","text":"%s"}],"stop_reason":"end_turn",
                 "stop_sequence":null,"usage":{"input_tokens":50,"output_tokens":9}}"""
                .formatted(text);
    }

    private static WireMockServer started() {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}
