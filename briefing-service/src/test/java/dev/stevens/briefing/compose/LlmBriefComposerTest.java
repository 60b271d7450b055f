package dev.stevens.briefing.compose;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stevens.briefing.compose.BriefComposerTest.SMITHS;
import static dev.stevens.briefing.compose.BriefComposerTest.THURSDAY;
import static dev.stevens.briefing.compose.BriefComposerTest.demoNotebook;
import static dev.stevens.briefing.compose.BriefComposerTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.stevens.briefing.llm.Llm;
import dev.stevens.briefing.llm.LlmProperties;
import dev.stevens.briefing.llm.LlmProperties.Provider;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The language-model composer against a real HTTP server speaking each provider's API. */
class LlmBriefComposerTest {

    static final String ANTHROPIC_ANSWER =
            """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-test",
             "content":[{"type":"text","text":"Good morning, Sir. The dentist expects you at 14:30."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":120,"output_tokens":14}}""";
    static final String OPENAI_ANSWER =
            """
            {"id":"chatcmpl-1","object":"chat.completion","created":1764140430,"model":"llama-test",
             "choices":[{"index":0,"message":{"role":"assistant",
               "content":"Good morning, Sir. Rain from midday, I fear."},
               "finish_reason":"stop","logprobs":null}],
             "usage":{"prompt_tokens":120,"completion_tokens":12,"total_tokens":132}}""";

    private final WireMockServer server =
            new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final String deterministic =
            new BriefComposer().compose(SMITHS, THURSDAY, demoNotebook()).content();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anthropicWritesTheBriefFromAPromptWithThePersonaAndTheMemoryIds() {
        server.stubFor(post(urlEqualTo("/v1/messages")).willReturn(okJson(ANTHROPIC_ANSWER)));

        ComposedBrief brief =
                drafts(Provider.ANTHROPIC, "", Duration.ofSeconds(5))
                        .draft(SMITHS, THURSDAY, demoNotebook());

        assertThat(brief.content())
                .isEqualTo("Good morning, Sir. The dentist expects you at 14:30.");
        assertThat(brief.composer()).isEqualTo("llm:anthropic:claude-test");
        assertThat(brief.composerVersion()).isEqualTo("1");
        assertThat(brief.memoryIds()).contains(id(1), id(14)).doesNotContain(id(7), id(18));
        server.verify(
                postRequestedFor(urlEqualTo("/v1/messages"))
                        .withHeader("x-api-key", equalTo("test-key"))
                        .withRequestBody(containing("You are Stevens, the butler"))
                        .withRequestBody(containing("claude-test"))
                        .withRequestBody(containing("[" + id(1) + "] 2026-11-26 | calendar"))
                        .withRequestBody(containing("14:30 Dentist with Dr Patel")));
        assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .doesNotContain("50% off sofas");
    }

    @Test
    void anOpenAiCompatibleServerSuchAsOllamaWritesTheBrief() {
        server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(OPENAI_ANSWER)));

        ComposedBrief brief =
                drafts(Provider.OPENAI, "/v1", Duration.ofSeconds(5))
                        .draft(SMITHS, THURSDAY, demoNotebook());

        assertThat(brief.content()).isEqualTo("Good morning, Sir. Rain from midday, I fear.");
        assertThat(brief.composer()).isEqualTo("llm:openai:llama-test");
        server.verify(
                postRequestedFor(urlEqualTo("/v1/chat/completions"))
                        .withHeader("Authorization", equalTo("Bearer test-key"))
                        .withRequestBody(containing("llama-test"))
                        .withRequestBody(containing("You are Stevens, the butler"))
                        .withRequestBody(containing("[" + id(4) + "] 2026-11-26 | weather")));
    }

    @Test
    void aServerErrorFallsBackToTheDeterministicBriefAndRecordsWhy() {
        server.stubFor(
                post(urlEqualTo("/v1/messages"))
                        .willReturn(
                                aResponse()
                                        .withStatus(500)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));

        ComposedBrief brief =
                drafts(Provider.ANTHROPIC, "", Duration.ofSeconds(5))
                        .draft(SMITHS, THURSDAY, demoNotebook());

        assertThat(brief.content()).isEqualTo(deterministic);
        assertThat(brief.composer()).isEqualTo("stevens-deterministic (fallback: HTTP 500)");
        assertThat(brief.composerVersion()).isEqualTo(BriefComposer.VERSION);
    }

    @Test
    void aSlowModelFallsBackToTheDeterministicBriefAsATimeout() {
        server.stubFor(
                post(urlEqualTo("/v1/chat/completions"))
                        .willReturn(okJson(OPENAI_ANSWER).withFixedDelay(3_000)));

        ComposedBrief brief =
                drafts(Provider.OPENAI, "/v1", Duration.ofMillis(300))
                        .draft(SMITHS, THURSDAY, demoNotebook());

        assertThat(brief.content()).isEqualTo(deterministic);
        assertThat(brief.composer()).isEqualTo("stevens-deterministic (fallback: timeout)");
    }

    @Test
    void withoutAProviderTheDeterministicComposerWritesAndNothingIsCalled() {
        ComposedBrief brief =
                drafts(Provider.NONE, "", Duration.ofSeconds(5))
                        .draft(SMITHS, THURSDAY, demoNotebook());

        assertThat(brief.content()).isEqualTo(deterministic);
        assertThat(brief.composer()).isEqualTo("stevens-deterministic");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    private BriefDrafts drafts(Provider provider, String path, Duration timeout) {
        String model = provider == Provider.ANTHROPIC ? "claude-test" : "llama-test";
        var properties =
                new LlmProperties(
                        provider, server.baseUrl() + path, model, "test-key", timeout, 500);
        return new BriefDrafts(null, new Llm(properties));
    }
}
