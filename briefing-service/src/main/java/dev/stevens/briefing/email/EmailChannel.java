package dev.stevens.briefing.email;

import dev.stevens.briefing.delivery.DeliveryChannel;
import dev.stevens.briefing.delivery.DeliveryOutcome;
import dev.stevens.briefing.delivery.Parcel;
import dev.stevens.briefing.households.Recipient;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a brief by SMTP as multipart/alternative (plain text, then HTML). The receipt is the
 * Message-ID the server accepted; it is derived from the delivery id, so a retry after a lost
 * answer carries the same id and mail clients can tell the copies apart.
 */
@Component
class EmailChannel implements DeliveryChannel {

    static final String NO_SERVER = "no SMTP server configured (spring.mail.host)";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final ObjectProvider<JavaMailSender> mail;
    private final EmailProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mail, EmailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public String name() {
        return Recipient.EMAIL;
    }

    @Override
    public DeliveryOutcome send(String address, String text) {
        return send(address, text, UUID.randomUUID(), LocalDate.now());
    }

    @Override
    public DeliveryOutcome deliver(Parcel parcel) {
        return send(parcel.recipient(), parcel.content(), parcel.id(), parcel.date());
    }

    private DeliveryOutcome send(String address, String text, UUID delivery, LocalDate date) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new DeliveryOutcome.Skipped(NO_SERVER);
        }
        try {
            MimeMessage message = message(sender, address, text, delivery, date);
            sender.send(message);
            return new DeliveryOutcome.Delivered(message.getMessageID());
        } catch (AddressException | MailParseException e) {
            return new DeliveryOutcome.Failed("invalid email: " + e.getMessage(), true);
        } catch (MessagingException e) {
            return new DeliveryOutcome.Failed("email not built: " + e.getMessage(), true);
        } catch (MailAuthenticationException e) {
            return new DeliveryOutcome.Failed("SMTP login refused", false);
        } catch (MailException e) {
            Throwable cause = firstCause(e);
            return new DeliveryOutcome.Failed(
                    "SMTP server did not take the email: " + rootCause(cause), rejected(cause));
        }
    }

    private MimeMessage message(
            JavaMailSender sender, String address, String text, UUID delivery, LocalDate date)
            throws MessagingException {
        InternetAddress from = new InternetAddress(properties.from(), true);
        InternetAddress to = new InternetAddress(address, true);
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(from);
        message.setRecipient(MimeMessage.RecipientType.TO, to);
        message.setSubject(
                properties.subjectPrefix() + " " + DAY.format(date), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(BriefHtml.of(text), StandardCharsets.UTF_8.name(), "html");
        // the last part is the richest: clients show HTML and fall back to the plain text
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        // JavaMailSenderImpl keeps a Message-ID that is set before sending
        message.setHeader("Message-ID", "<brief." + delivery + "@" + domain(from) + ">");
        return message;
    }

    /** The server refused the recipient address itself: sending again cannot help. */
    private static boolean rejected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException failed
                    && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A send exception keeps the real failure per message, not as its cause. */
    private static Throwable firstCause(MailException e) {
        if (e instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            return send.getMessageExceptions()[0];
        }
        return e;
    }

    private static String domain(InternetAddress from) {
        String address = from.getAddress();
        int at = address.lastIndexOf('@');
        return at < 0 ? "stevens.local" : address.substring(at + 1);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
