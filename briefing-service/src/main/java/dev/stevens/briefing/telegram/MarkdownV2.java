package dev.stevens.briefing.telegram;

/**
 * Telegram's MarkdownV2 escaping: every character the format gives a meaning to is preceded by a
 * backslash, so a plain text shows exactly as written. The backslash itself is escaped too, as it
 * would otherwise escape the character after it.
 */
final class MarkdownV2 {

    /** The characters Telegram's Bot API lists for MarkdownV2, plus the backslash. */
    static final String SPECIAL = "_*[]()~`>#+-=|{}.!\\";

    private MarkdownV2() {}

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + text.length() / 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
