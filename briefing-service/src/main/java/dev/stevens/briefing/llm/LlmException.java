package dev.stevens.briefing.llm;

/**
 * The model gave no usable answer. {@link #reason()} is short and free of secrets, fit to be stored
 * with the brief ("timeout", "HTTP 500", "empty answer").
 */
public class LlmException extends Exception {

    private final String reason;

    LlmException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
