package dev.stevens.memory.households;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What it takes to create a household.
 *
 * @param telegramChatId the household's Telegram chat, or null
 */
public record NewHousehold(
        String name,
        ZoneId timeZone,
        LocalTime briefTime,
        String formOfAddress,
        Long telegramChatId) {

    public static NewHousehold named(String name) {
        return new NewHousehold(name, ZoneId.of("UTC"), LocalTime.of(7, 30), "Sir", null);
    }
}
