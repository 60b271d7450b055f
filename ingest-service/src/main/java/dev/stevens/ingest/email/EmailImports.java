package dev.stevens.ingest.email;

import dev.stevens.events.ImportReceived;
import dev.stevens.ingest.email.InformedDeliveryDigest.Item;
import dev.stevens.ingest.email.InformedDeliveryDigest.Kind;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What an email teaches the butler: one memory, or one per piece of a USPS digest. */
final class EmailImports {

    static final String SOURCE = "email";
    static final String USPS_SOURCE = "usps";
    static final int MAX_TEXT = 4000;
    static final int MAX_EXCERPT = 1500;
    static final int MAX_KEY = 200;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private EmailImports() {}

    static List<ImportReceived.Data> of(ParsedEmail email, ZoneId zone) {
        if (InformedDeliveryDigest.isFromUsps(email)) {
            List<Item> items = InformedDeliveryDigest.items(email, zone);
            if (!items.isEmpty()) {
                return items.stream().map(EmailImports::expecting).toList();
            }
        }
        return List.of(forwarded(email, zone));
    }

    static ImportReceived.Data forwarded(ParsedEmail email, ZoneId zone) {
        StringBuilder text = new StringBuilder();
        text.append("Email from ").append(email.sender());
        if (email.sentAt() != null) {
            text.append(", ").append(DATE.format(email.sentAt().atZone(zone)));
        }
        text.append(": ").append(email.subject().isBlank() ? "(no subject)" : email.subject());
        String attachments =
                email.attachments().isEmpty()
                        ? ""
                        : "\n\nAttachments: " + String.join(", ", email.attachments());
        int room = MAX_TEXT - text.length() - attachments.length() - 2;
        String excerpt = excerpt(email.text(), Math.max(0, Math.min(MAX_EXCERPT, room)));
        if (!excerpt.isEmpty()) {
            text.append("\n\n").append(excerpt);
        }
        text.append(attachments);
        String body = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text.toString();
        return new ImportReceived.Data(
                SOURCE, body, externalKey(email), null, List.of("email"), email.sentAt());
    }

    private static ImportReceived.Data expecting(Item item) {
        List<String> tags =
                new ArrayList<>(List.of("usps", item.kind() == Kind.MAIL ? "mail" : "package"));
        String text;
        String key;
        if (item.kind() == Kind.MAIL) {
            key = "usps:mailpiece:" + item.id();
            if (item.advertisement()) {
                tags.add("advertisement");
                text = "Expecting advertising mail" + from(item) + " (USPS Informed Delivery).";
            } else {
                text = "Expecting mail" + from(item) + " (USPS Informed Delivery).";
            }
        } else {
            key = "usps:package:" + item.id();
            text = "Expecting a package" + from(item) + ", USPS tracking " + item.id() + ".";
        }
        return new ImportReceived.Data(USPS_SOURCE, text, limit(key), item.day(), tags, null);
    }

    private static String from(Item item) {
        return item.from() == null ? "" : " from " + item.from();
    }

    /** The Message-ID identifies the email; without one, its visible content does. */
    private static String externalKey(ParsedEmail email) {
        if (email.messageId() != null && !email.messageId().isBlank()) {
            return limit(email.messageId());
        }
        return "email:"
                + InformedDeliveryDigest.sha256(
                        email.from()
                                + "\n"
                                + email.sentAt()
                                + "\n"
                                + email.subject()
                                + "\n"
                                + email.text());
    }

    private static String limit(String key) {
        return key.length() <= MAX_KEY ? key : "sha256:" + InformedDeliveryDigest.sha256(key);
    }

    /** The start of the body, cut at a word boundary. */
    static String excerpt(String text, int max) {
        if (text == null || max <= 0) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        return text.substring(0, cut > max / 2 ? cut : max - 1).strip() + "…";
    }
}
