package dev.stevens.briefing.households;

import java.util.Set;
import java.util.UUID;

/**
 * What chat needs of a household's settings.
 *
 * @param allowedChats the Telegram chats whose messages the butler reads and answers
 * @param language the language the butler answers in
 */
public record ChatAccess(UUID household, Set<Long> allowedChats, String language) {

    public boolean allows(long telegramChat) {
        return allowedChats.contains(telegramChat);
    }
}
