package dev.stevens.briefing.chat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /remember <text> [on <date>|today|tomorrow|<weekday>]}: what to note and for which day. A
 * weekday means the next one after today; no day means an undated background note.
 *
 * @param date null for an undated note
 */
record RememberRequest(String text, LocalDate date) {

    private static final Pattern WHEN =
            Pattern.compile(
                    "^(.*?)\\s+(?:on\\s+)?(\\d{4}-\\d{2}-\\d{2}|today|tomorrow|monday|tuesday"
                            + "|wednesday|thursday|friday|saturday|sunday)[.!]?$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    static RememberRequest parse(String argument, LocalDate today) {
        String text = argument.strip();
        Matcher m = WHEN.matcher(text);
        if (!m.matches() || m.group(1).isBlank()) {
            return new RememberRequest(text, null);
        }
        LocalDate date = day(m.group(2).toLowerCase(Locale.ROOT), today);
        return date == null
                ? new RememberRequest(text, null)
                : new RememberRequest(m.group(1).strip(), date);
    }

    private static LocalDate day(String when, LocalDate today) {
        switch (when) {
            case "today":
                return today;
            case "tomorrow":
                return today.plusDays(1);
            default:
                if (Character.isDigit(when.charAt(0))) {
                    try {
                        return LocalDate.parse(when);
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                }
                return today.with(
                        TemporalAdjusters.next(DayOfWeek.valueOf(when.toUpperCase(Locale.ROOT))));
        }
    }
}
