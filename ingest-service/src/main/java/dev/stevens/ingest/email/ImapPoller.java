package dev.stevens.ingest.email;

import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.ingest.kafka.AcknowledgedPublisher.NotAcknowledgedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls an IMAP mailbox for unread mail when {@code stevens.ingest.email.imap.enabled=true}. A
 * message is marked read only once Kafka has it (or it can never be accepted), so an outage means a
 * later poll tries it again; the event ids are deterministic, so a retry stores nothing twice.
 */
@Component
@ConditionalOnProperty(name = "stevens.ingest.email.imap.enabled", havingValue = "true")
class ImapPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

    private final ImapProperties properties;
    private final HouseholdDirectory households;
    private final EmailIntake intake;
    private ScheduledExecutorService scheduler;

    ImapPoller(ImapProperties properties, HouseholdDirectory households, EmailIntake intake) {
        this.properties = properties;
        this.households = households;
        this.intake = intake;
    }

    @Override
    public synchronized void start() {
        scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "imap-poller");
                            thread.setDaemon(true);
                            return thread;
                        });
        long every = properties.interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (MessagingException | RuntimeException e) {
            log.warn(
                    "Polling IMAP {}:{} failed: {}",
                    properties.host(),
                    properties.port(),
                    e.toString());
        }
    }

    /**
     * @return how many messages were finished with (stored or refused for good)
     */
    int pollOnce() throws MessagingException {
        String protocol = properties.ssl() ? "imaps" : "imap";
        Properties config = new Properties();
        config.put("mail." + protocol + ".connectiontimeout", "10000");
        config.put("mail." + protocol + ".timeout", "30000");
        Store store = Session.getInstance(config).getStore(protocol);
        store.connect(
                properties.host(), properties.port(), properties.username(), properties.password());
        try {
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                int done = 0;
                for (Message message :
                        folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (handle(message)) {
                        message.setFlag(Flags.Flag.SEEN, true);
                        done++;
                    } else {
                        message.setFlag(Flags.Flag.SEEN, false);
                    }
                }
                return done;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /**
     * @return true when the message is finished with; false to try again next poll
     */
    private boolean handle(Message message) throws MessagingException {
        ParsedEmail email;
        try {
            var raw = new ByteArrayOutputStream();
            message.writeTo(raw);
            email = EmailParser.parse(raw.toByteArray());
        } catch (IOException | UnreadableEmailException e) {
            log.warn(
                    "Skipping unreadable IMAP message {}: {}",
                    message.getMessageNumber(),
                    e.getMessage());
            return true;
        }
        List<UUID> recipients = households.householdsAllowingSender(email.from());
        if (recipients.isEmpty()) {
            log.info(
                    "Skipping IMAP message from {}: no household allows that sender", email.from());
            return true;
        }
        try {
            for (UUID household : recipients) {
                intake.accept(household, email);
            }
            return true;
        } catch (NotAcknowledgedException e) {
            return false;
        }
    }
}
