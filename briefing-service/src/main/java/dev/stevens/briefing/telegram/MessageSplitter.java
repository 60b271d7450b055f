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

    /**
     * Splits plain text so that every part, once escaped for MarkdownV2, stays below the limit.
     * Escaping at most doubles a part, so a part that grows too long is split again at half the
     * limit.
     */
    static List<String> splitForMarkdown(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : split(text, MAX_LENGTH)) {
            if (MarkdownV2.escape(part).length() <= MAX_LENGTH) {
                parts.add(part);
            } else {
                parts.addAll(split(part, MAX_LENGTH / 2));
            }
        }
        return parts;
    }

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
