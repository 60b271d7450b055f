package dev.stevens.briefing.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.stevens.briefing.delivery.HouseholdFixture;
import dev.stevens.briefing.households.HouseholdDirectory;
import dev.stevens.briefing.schedule.BriefScheduler;
import dev.stevens.briefing.support.ApiClient;
import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.briefing.support.MutableClock;
import dev.stevens.briefing.support.TestHouseholds.TestHousehold;
import dev.stevens.events.HouseholdSettingsChanged.Recipient;
import dev.stevens.support.kafka.EventPublisher;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class EmailDeliveryTest extends BriefingIntegrationTest {

    @Autowired EventPublisher publisher;
    @Autowired HouseholdDirectory directory;
    @Autowired MutableClock clock;
    @Autowired BriefScheduler scheduler;
    @Autowired GreenMail smtp;
    @LocalServerPort int port;

    @Test
    void theBriefIsMailedWithPlainTextAndHtmlPartsAndTheAcceptedMessageIdIsTheReceipt()
            throws Exception {
        String address = "ada-" + UUID.randomUUID() + "@example.org";
        TestHousehold household =
                new HouseholdFixture(publisher, directory)
                        .create(
                                "Europe/London",
                                LocalTime.of(7, 0),
                                null,
                                new Recipient("Ada", null, address, null));
        clock.set(Instant.parse("2026-11-26T07:00:01Z"));

        scheduler.tick();

        MimeMessage mail =
                Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> recipientIs(m, address))
                        .findFirst()
                        .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Your brief for Thursday 26 November 2026");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Stevens <stevens@localhost>");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(0).getContent().toString())
                .startsWith("Good morning, Sir.")
                .contains("Your servant,");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(parts.getBodyPart(1).getContent().toString())
                .contains("<p>Good morning, Sir.")
                .contains("Your servant,");

        JsonNode delivery =
                new ApiClient(port)
                        .get("/api/v1/briefings", household.token())
                        .body()
                        .path("briefs")
                        .get(0)
                        .path("deliveries")
                        .get(0);
        assertThat(delivery.path("channel").asString()).isEqualTo("email");
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("receipt").asString())
                .isEqualTo(mail.getMessageID())
                .matches("<brief\\.[0-9a-f-]{36}@localhost>");
    }

    @Test
    void theHtmlPartEscapesWhatTheMemoriesSay() {
        String html = BriefHtml.of("Good morning.\n\nToday\n- <b>Tea</b> & \"cake\"\n  at four");

        assertThat(html)
                .contains("<p>Today</p>")
                .contains("<li>&lt;b&gt;Tea&lt;/b&gt; &amp; &quot;cake&quot;<br>\nat four</li>")
                .doesNotContain("<b>Tea</b>");
    }

    private static boolean recipientIs(MimeMessage message, String address) {
        try {
            return message.getAllRecipients()[0].toString().equals(address);
        } catch (Exception e) {
            return false;
        }
    }
}
