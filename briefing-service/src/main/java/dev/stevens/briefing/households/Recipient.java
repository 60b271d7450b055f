package dev.stevens.briefing.households;

/**
 * Someone who receives the brief on one channel.
 *
 * @param channel e.g. {@code telegram}
 * @param address the channel's address, e.g. the Telegram chat id
 */
public record Recipient(String channel, String address, String name) {

    public static final String TELEGRAM = "telegram";
}
