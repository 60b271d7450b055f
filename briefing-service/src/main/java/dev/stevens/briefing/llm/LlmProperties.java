package dev.stevens.briefing.llm;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The optional language model. Without a provider the butler writes with its own deterministic
 * composer and nothing here reaches the network.
 *
 * @param provider {@code none}, {@code anthropic} or {@code openai} (any OpenAI-compatible server,
 *     e.g. Ollama at {@code http://localhost:11434/v1})
 * @param baseUrl the API's address; blank means the provider's public one
 * @param model the model name, e.g. {@code claude-sonnet-4-5} or {@code llama3.2}
 * @param apiKey from the environment ({@code STEVENS_LLM_API_KEY}); never logged
 * @param timeout how long one call may take before the deterministic composer steps in
 * @param maxTokens upper bound of one answer
 */
@Validated
@ConfigurationProperties("stevens.llm")
public record LlmProperties(
        @DefaultValue("none") @NotNull Provider provider,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String model,
        @DefaultValue("") String apiKey,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("1500") @Min(16) int maxTokens) {

    public enum Provider {
        NONE,
        ANTHROPIC,
        OPENAI
    }

    String baseUrlOrDefault() {
        if (baseUrl != null && !baseUrl.isBlank()) {
            return baseUrl.strip();
        }
        return provider == Provider.ANTHROPIC
                ? "https://api.anthropic.com"
                : "https://api.openai.com/v1";
    }

    String modelOrDefault() {
        if (model != null && !model.isBlank()) {
            return model.strip();
        }
        return provider == Provider.ANTHROPIC ? "claude-sonnet-4-5" : "gpt-4o-mini";
    }

    /** Ollama and other local servers want no key, but the clients insist on one. */
    String apiKeyOrPlaceholder() {
        return apiKey == null || apiKey.isBlank() ? "not-set" : apiKey;
    }

    @Override
    public String toString() {
        return "LlmProperties[provider=%s, baseUrl=%s, model=%s, apiKey=%s, timeout=%s]"
                .formatted(
                        provider,
                        baseUrl,
                        model,
                        apiKey == null || apiKey.isBlank() ? "" : "***",
                        timeout);
    }
}
