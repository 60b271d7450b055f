package dev.stevens.ingest.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jsoup.Jsoup;

/**
 * Reads a raw RFC 822 message with Jakarta Mail: MIME structure, transfer encodings
 * (quoted-printable, base64) and charsets are the library's job; this class only picks the parts.
 */
final class EmailParser {

    private static final Session SESSION = Session.getInstance(new Properties());

    private EmailParser() {}

    /**
     * @throws UnreadableEmailException if the bytes are not a message with a sender
     */
    static ParsedEmail parse(byte[] raw) {
        try {
            var message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            var from = sender(message);
            var bodies = new Bodies();
            collect(message, bodies);
            String text =
                    bodies.plain != null
                            ? normalise(bodies.plain)
                            : bodies.html != null ? htmlToText(bodies.html) : "";
            String messageId = message.getMessageID();
            return new ParsedEmail(
                    messageId == null ? null : messageId.trim().replaceAll("^<|>$", ""),
                    from.getAddress().toLowerCase(Locale.ROOT),
                    from.getPersonal(),
                    message.getSubject() == null ? "" : message.getSubject().trim(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    text,
                    bodies.html,
                    List.copyOf(bodies.attachments));
        } catch (MessagingException | IOException e) {
            throw new UnreadableEmailException("The message cannot be read: " + e.getMessage());
        }
    }

    static String htmlToText(String html) {
        var document = Jsoup.parse(html);
        document.select("script, style, head").remove();
        // block elements become line breaks, so paragraphs stay apart in the excerpt
        document.select("br").before("\\n");
        document.select("p, div, tr, li, h1, h2, h3, h4, h5, h6, table, blockquote")
                .before("\\n")
                .after("\\n");
        String text = document.text().replace("\\n", "\n");
        return normalise(text);
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        var from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            throw new UnreadableEmailException("The message has no From address.");
        }
        if (address.getAddress() == null || !address.getAddress().contains("@")) {
            throw new UnreadableEmailException("The From address is not an email address.");
        }
        return address;
    }

    private static final class Bodies {
        String plain;
        String html;
        final List<String> attachments = new ArrayList<>();
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        String fileName = fileName(part);
        boolean attachment =
                Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null;
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        } else if (attachment) {
            bodies.attachments.add(fileName == null ? "unnamed attachment" : fileName);
        } else if (part.isMimeType("text/plain") && bodies.plain == null) {
            bodies.plain = text(part);
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = text(part);
        } else if (part.isMimeType("message/rfc822")) {
            bodies.attachments.add("forwarded message");
        }
    }

    private static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name);
        } catch (UnsupportedEncodingException e) {
            return name;
        }
    }

    /** The part's text in its declared charset; an unknown charset falls back to Latin-1. */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (UnsupportedEncodingException e) {
            // unknown charset: read the decoded bytes below
        }
        try (InputStream in = part.getInputStream()) {
            var out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String normalise(String text) {
        return text.replace("\r\n", "\n")
                .replace('\u00a0', ' ')
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" ?\n ?", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
