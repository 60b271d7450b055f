package dev.stevens.briefing.telegram;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long text into messages Telegram accepts (at most 4096 characters each), on line
 * boundaries where possible so no line of the brief is cut in half.
 */
final class MessageSplitter {

    /** Below Telegram's limit of 4096, leaving room for how it counts some characters. */
    static final int MAX_LENGTH = 4000;

    private MessageSplitter() {}

    static List<String> split(String text, int maxLength) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            for (String piece : chop(line, maxLength)) {
                int needed = part.isEmpty() ? piece.length() : part.length() + 1 + piece.length();
                if (needed > maxLength) {
                    flush(part, parts);
                }
                if (!part.isEmpty()) {
                    part.append('\n');
                }
                part.append(piece);
            }
        }
        flush(part, parts);
        return parts.isEmpty() ? List.of(text) : parts;
    }

    /** A single line longer than a message is cut into pieces of the maximum length. */
    private static List<String> chop(String line, int maxLength) {
        List<String> pieces = new ArrayList<>();
        for (int start = 0; start < line.length(); start += maxLength) {
            pieces.add(line.substring(start, Math.min(line.length(), start + maxLength)));
        }
        return pieces.isEmpty() ? List.of("") : pieces;
    }

    private static void flush(StringBuilder part, List<String> parts) {
        String text = part.toString().strip();
        if (!text.isEmpty()) {
            parts.add(text);
        }
        part.setLength(0);
    }
}
