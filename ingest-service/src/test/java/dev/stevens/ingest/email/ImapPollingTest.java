package dev.stevens.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.stevens.events.Topics;
import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.ingest.kafka.InboundHouseholds;
import dev.stevens.ingest.kafka.TopicRecords;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.testing.IntegrationTest;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The optional IMAP mailbox, served by GreenMail (a real IMAP server in memory). */
@IntegrationTest(
        properties = {
            "stevens.ingest.email.imap.enabled=true",
            "stevens.ingest.email.imap.ssl=false",
            "stevens.ingest.email.imap.host=127.0.0.1",
            "stevens.ingest.email.imap.username=butler",
            "stevens.ingest.email.imap.password=mailbox-secret",
            "stevens.ingest.email.imap.interval=300ms"
        })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ImapPollingTest {

    static final GreenMail mailServer = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    static final GreenMailUser mailbox;

    static {
        mailServer.start();
        mailbox = mailServer.setUser("butler@stevens.example.org", "butler", "mailbox-secret");
    }

    @DynamicPropertySource
    static void imapPort(DynamicPropertyRegistry registry) {
        registry.add("stevens.ingest.email.imap.port", () -> mailServer.getImap().getPort());
    }

    @AfterAll
    static void stopMailServer() {
        mailServer.stop();
    }

    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory tokens;
    @Autowired HouseholdDirectory directory;

    @Test
    void unreadMailIsRoutedToTheHouseholdsAllowingItsSenderAndMarkedRead() throws Exception {
        String ada = "ada-" + UUID.randomUUID() + "@lovelace.example";
        String grace = "grace-" + UUID.randomUUID() + "@hopper.example";
        var households = new InboundHouseholds(publisher, tokens, directory);
        UUID lovelaces = households.register(List.of(), List.of(ada)).household();
        UUID hoppers = households.register(List.of(), List.of(grace, ada)).household();

        deliver(email("plain-forwarded.eml", ada));
        deliver(email("quoted-printable-iso-8859-1.eml", grace));
        deliver(email("plain-forwarded.eml", "stranger@nowhere.example"));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> {
                            assertThat(TopicRecords.of(Topics.IMPORTS, lovelaces)).hasSize(1);
                            assertThat(TopicRecords.of(Topics.IMPORTS, hoppers)).hasSize(2);
                            assertThat(mailServer.getReceivedMessages())
                                    .allSatisfy(m -> assertThat(m.isSet(Flags.Flag.SEEN)).isTrue());
                        });
        assertThat(TopicRecords.of(Topics.IMPORTS, lovelaces).get(0).value())
                .contains("Piano lesson moved");
    }

    private static MimeMessage email(String resource, String from) throws Exception {
        String raw =
                new String(RawEmail.resource(resource), StandardCharsets.ISO_8859_1)
                        .replaceFirst("(?m)^From: .*$", "From: " + from);
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static void deliver(MimeMessage message) {
        mailbox.deliver(message);
    }
}
