package dev.stevens.briefing.telegram;

import dev.stevens.briefing.delivery.DeliveryChannel;
import dev.stevens.briefing.delivery.DeliveryOutcome;
import dev.stevens.briefing.delivery.Parcel;
import dev.stevens.briefing.households.Recipient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends a brief as MarkdownV2 Telegram messages; the receipt lists their message ids. A retry of a
 * long brief resumes after the parts an earlier attempt already sent.
 */
@Component
public class TelegramChannel implements DeliveryChannel {

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
        return send(chatId, text, List.of());
    }

    @Override
    public DeliveryOutcome deliver(Parcel parcel) {
        return send(parcel.recipient(), parcel.content(), ids(parcel.progress()));
    }

    private DeliveryOutcome send(String chatId, String text, List<String> alreadySent) {
        if (!properties.hasBotToken()) {
            return new DeliveryOutcome.Skipped(NO_TOKEN);
        }
        List<String> messageIds = new ArrayList<>(alreadySent);
        try {
            client.send(chatId, text, alreadySent.size()).forEach(id -> messageIds.add(id + ""));
        } catch (TelegramException e) {
            e.sentMessageIds().forEach(id -> messageIds.add(id + ""));
            String progress = messageIds.isEmpty() ? null : String.join(",", messageIds);
            String sent = progress == null ? "" : " (after sending " + progress + ")";
            return new DeliveryOutcome.Failed(
                    e.getMessage() + sent, e.permanent(), e.retryAfter(), progress);
        }
        return new DeliveryOutcome.Delivered(String.join(",", messageIds));
    }

    private static List<String> ids(String progress) {
        if (progress == null || progress.isBlank()) {
            return List.of();
        }
        return Arrays.stream(progress.split(",")).map(String::strip).collect(Collectors.toList());
    }
}
