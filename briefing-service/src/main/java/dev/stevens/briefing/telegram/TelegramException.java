package dev.stevens.briefing.telegram;

/**
 * A message Telegram did not take. The message never contains the request URL (it holds the bot
 * token).
 *
 * @see #permanent()
 */
class TelegramException extends Exception {

    private final boolean permanent;

    TelegramException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    /** True when sending the same message again cannot succeed (e.g. unknown chat). */
    boolean permanent() {
        return permanent;
    }
}
