package dev.stevens.briefing.households;

import java.time.LocalTime;

/**
 * Someone who receives the brief on one channel.
 *
 * @param channel {@code telegram}, {@code email} or {@code webhook}
 * @param address the channel's address: Telegram chat id, email address or webhook URL
 * @param skipEmptyBrief true: no brief on a day whose brief has no dated items
 * @param quietStart start of the recipient's local quiet hours, or null for none
 * @param quietEnd end of the quiet hours; before {@code quietStart} the window wraps midnight
 */
public record Recipient(
        String channel,
        String address,
        String name,
        boolean skipEmptyBrief,
        LocalTime quietStart,
        LocalTime quietEnd) {

    public static final String TELEGRAM = "telegram";
    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    public Recipient(String channel, String address, String name) {
        this(channel, address, name, false, null, null);
    }

    public boolean hasQuietHours() {
        return quietStart != null && quietEnd != null && !quietStart.equals(quietEnd);
    }
}
