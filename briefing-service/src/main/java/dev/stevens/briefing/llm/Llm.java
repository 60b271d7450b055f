package dev.stevens.briefing.llm;

import dev.stevens.briefing.llm.LlmProperties.Provider;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.stereotype.Component;

/**
 * The configured language model, if any. Callers check {@link #available()} and must be ready for
 * {@link LlmException}: the butler never depends on the model to answer.
 */
@Component
public class Llm {

    private static final Logger log = LoggerFactory.getLogger(Llm.class);

    private final LlmProperties properties;
    private final Optional<ChatModel> model;

    public Llm(LlmProperties properties) {
        this.properties = properties;
        this.model = ChatModels.create(properties);
        if (model.isPresent()) {
            log.info(
                    "Language model: {} {} at {}",
                    properties.provider(),
                    properties.modelOrDefault(),
                    properties.baseUrlOrDefault());
        }
    }

    public boolean available() {
        return model.isPresent();
    }

    /** E.g. {@code anthropic:claude-sonnet-4-5}. */
    public String label() {
        return properties.provider().name().toLowerCase(java.util.Locale.ROOT)
                + ":"
                + properties.modelOrDefault();
    }

    public Provider provider() {
        return properties.provider();
    }

    /** Asks the model and returns its text; every failure becomes an {@link LlmException}. */
    public String ask(List<Message> messages) throws LlmException {
        ChatModel chat = model.orElseThrow(() -> new LlmException("no model configured", null));
        ChatResponse response;
        try {
            response = chat.call(new Prompt(messages));
        } catch (RuntimeException e) {
            throw new LlmException(reason(e), e);
        }
        String text =
                response == null || response.getResult() == null
                        ? null
                        : response.getResult().getOutput().getText();
        if (text == null || text.isBlank()) {
            throw new LlmException("empty answer", null);
        }
        return text.strip();
    }

    /** A short cause: "timeout", "HTTP 503", or the exception's kind. Never a message body. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedIOException
                    || t.getClass().getSimpleName().toLowerCase().contains("timeout")) {
                return "timeout";
            }
            Optional<Integer> status = statusCode(t);
            if (status.isPresent()) {
                return "HTTP " + status.get();
            }
        }
        return "error: " + e.getClass().getSimpleName();
    }

    /** The provider SDKs' service exceptions expose {@code statusCode()}. */
    private static Optional<Integer> statusCode(Throwable t) {
        try {
            Method method = t.getClass().getMethod("statusCode");
            Object value = method.invoke(t);
            return value instanceof Integer code ? Optional.of(code) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
