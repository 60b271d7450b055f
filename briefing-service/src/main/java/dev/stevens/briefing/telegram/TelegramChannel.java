package dev.stevens.briefing.telegram;

import dev.stevens.briefing.delivery.DeliveryChannel;
import dev.stevens.briefing.delivery.DeliveryOutcome;
import dev.stevens.briefing.households.Recipient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Sends a brief as plain-text Telegram messages; the receipt lists their message ids. */
@Component
class TelegramChannel implements DeliveryChannel {

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    static final String NO_TOKEN = "no Telegram bot token configured";

    private final TelegramClient client;
    private final TelegramProperties properties;

    TelegramChannel(TelegramClient client, TelegramProperties properties) {
        this.client = client;
        this.properties = properties;
        if (!properties.hasBotToken()) {
            log.info(
                    "No Telegram bot token configured (set STEVENS_TELEGRAM_BOT_TOKEN);"
                            + " briefs will be recorded as skipped for Telegram recipients.");
        }
    }

    @Override
    public String name() {
        return Recipient.TELEGRAM;
    }

    @Override
    public DeliveryOutcome send(String chatId, String text) {
        if (!properties.hasBotToken()) {
            return new DeliveryOutcome.Skipped(NO_TOKEN);
        }
        List<String> messageIds = new ArrayList<>();
        try {
            for (String part : MessageSplitter.split(text, MessageSplitter.MAX_LENGTH)) {
                messageIds.add(Long.toString(client.sendMessage(chatId, part)));
            }
        } catch (TelegramException e) {
            // a retry sends the whole brief again; parts already sent are listed in the error
            String sent = messageIds.isEmpty() ? "" : " (after sending " + messageIds + ")";
            return new DeliveryOutcome.Failed(e.getMessage() + sent, e.permanent());
        }
        return new DeliveryOutcome.Delivered(String.join(",", messageIds));
    }
}
