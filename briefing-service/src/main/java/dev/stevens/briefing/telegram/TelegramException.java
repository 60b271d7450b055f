package dev.stevens.briefing.telegram;

import java.time.Duration;
import java.util.List;

/**
 * A message Telegram did not take. The message never contains the request URL (it holds the bot
 * token).
 *
 * @see #permanent()
 */
public class TelegramException extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;
    private final boolean unparseable;
    private final List<Long> sentMessageIds;

    TelegramException(String message, boolean permanent) {
        this(message, permanent, null, false, List.of());
    }

    TelegramException(
            String message,
            boolean permanent,
            Duration retryAfter,
            boolean unparseable,
            List<Long> sentMessageIds) {
        super(message);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
        this.unparseable = unparseable;
        this.sentMessageIds = List.copyOf(sentMessageIds);
    }

    /** The same failure after some parts of a long text were already sent. */
    TelegramException afterSending(List<Long> sent) {
        return new TelegramException(getMessage(), permanent, retryAfter, unparseable, sent);
    }

    /** True when sending the same message again cannot succeed (e.g. unknown chat). */
    public boolean permanent() {
        return permanent;
    }

    /**
     * Telegram's 429 {@code parameters.retry_after}: no attempt before this has passed; or null.
     */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Telegram could not parse the message's entities (400 "can't parse entities"). */
    boolean unparseable() {
        return unparseable;
    }

    /** Ids of the parts of a long text that were sent before this failure. */
    public List<Long> sentMessageIds() {
        return sentMessageIds;
    }
}
