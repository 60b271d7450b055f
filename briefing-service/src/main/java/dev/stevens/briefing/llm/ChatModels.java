package dev.stevens.briefing.llm;

import java.util.Optional;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/**
 * Builds the Spring AI chat model from {@code stevens.llm.*} by hand rather than through Spring
 * AI's auto-configuration, which is not on the classpath: one JVM runs all three services in the
 * launcher, and a model must never be required just to start. No retries: a failed or slow call
 * falls back to the deterministic composer at once.
 */
final class ChatModels {

    private ChatModels() {}

    static Optional<ChatModel> create(LlmProperties properties) {
        return switch (properties.provider()) {
            case NONE -> Optional.empty();
            case ANTHROPIC -> Optional.of(anthropic(properties));
            case OPENAI -> Optional.of(openAi(properties));
        };
    }

    private static ChatModel anthropic(LlmProperties properties) {
        AnthropicChatOptions options =
                AnthropicChatOptions.builder()
                        .baseUrl(properties.baseUrlOrDefault())
                        .apiKey(properties.apiKeyOrPlaceholder())
                        .model(properties.modelOrDefault())
                        .maxTokens(properties.maxTokens())
                        .timeout(properties.timeout())
                        .maxRetries(0)
                        .build();
        return AnthropicChatModel.builder().options(options).build();
    }

    private static ChatModel openAi(LlmProperties properties) {
        OpenAiChatOptions options =
                OpenAiChatOptions.builder()
                        .baseUrl(properties.baseUrlOrDefault())
                        .apiKey(properties.apiKeyOrPlaceholder())
                        .model(properties.modelOrDefault())
                        .maxTokens(properties.maxTokens())
                        .timeout(properties.timeout())
                        .maxRetries(0)
                        .build();
        return OpenAiChatModel.builder().options(options).build();
    }
}
