package dev.stevens.ingest.email;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * An optional mailbox polled for email, instead of a relay posting it. Unread messages are read,
 * routed to every household that allows their sender, and marked read once stored.
 *
 * @param ssl true: IMAPS (implicit TLS); false: plain IMAP (tests, local relays)
 */
@Validated
@ConfigurationProperties("stevens.ingest.email.imap")
record ImapProperties(
        @DefaultValue("false") boolean enabled,
        String host,
        @DefaultValue("993") int port,
        @DefaultValue("true") boolean ssl,
        String username,
        String password,
        @DefaultValue("INBOX") @NotNull String folder,
        @DefaultValue("1m") @NotNull Duration interval) {

    @Override
    public String toString() {
        return "ImapProperties[host=" + host + ", port=" + port + ", user=" + username + "]";
    }
}
