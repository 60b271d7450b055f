package dev.stevens.ingest.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.events.Topics;
import dev.stevens.ingest.TestHttp;
import dev.stevens.ingest.households.HouseholdDirectory;
import dev.stevens.ingest.kafka.InboundHouseholds;
import dev.stevens.ingest.kafka.InboundHouseholds.Registered;
import dev.stevens.ingest.kafka.TopicRecords;
import dev.stevens.support.kafka.EventPublisher;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw RFC 822 files (test resources) posted to /api/v1/email as a relay would. */
@IntegrationTest
class EmailApiTest {

    static final List<String> SENDERS =
            List.of(
                    "ada@lovelace.example",
                    "secretariat@ecole-st-andre.example",
                    "billing@northern-heating.example",
                    "uspsinformeddelivery@email.informeddelivery.usps.com");

    @LocalServerPort int port;
    @Autowired EventPublisher publisher;
    @Autowired ApiTokenDirectory tokens;
    @Autowired HouseholdDirectory directory;
    @Autowired JsonMapper json;

    TestHttp http;
    InboundHouseholds households;
    Registered caller;

    @BeforeEach
    void freshHouseholdAcceptingTheTestSenders() {
        http = new TestHttp(port, json);
        households = new InboundHouseholds(publisher, tokens, directory);
        caller = households.register(List.of(), SENDERS, "imports:write");
    }

    @Test
    void aForwardedPlainEmailBecomesOneImportKeyedByItsMessageId() {
        var response = post("plain-forwarded.eml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = http.json(response);
        assertThat(answer.path("household").asString()).isEqualTo(caller.household().toString());
        JsonNode event = onlyImport();
        assertThat(event.path("id").asString())
                .isEqualTo(answer.path("eventIds").get(0).asString());
        assertThat(event.path("source").asString()).isEqualTo("/ingest/email");
        JsonNode data = event.path("data");
        assertThat(data.path("source").asString()).isEqualTo("email");
        assertThat(data.path("externalKey").asString())
                .isEqualTo("CAF=piano.42@mail.lovelace.example");
        assertThat(data.path("occurredAt").asString()).isEqualTo("2025-11-25T13:31:07Z");
        assertThat(data.path("date").isNull() || data.path("date").isMissingNode()).isTrue();
        assertThat(data.path("tags").get(0).asString()).isEqualTo("email");
        assertThat(data.path("text").asString())
                .startsWith(
                        "Email from Ada Lovelace <ada@lovelace.example>, Tue 25 Nov 2025 08:31:"
                                + " Fwd: Piano lesson moved\n\nHi Stevens,")
                .contains("Thursday, 16:00 to 17:00,\nat the Music School on Elm Street.");
    }

    @Test
    void quotedPrintableLatin1IsDecodedIncludingTheEncodedSubjectAndSender() {
        assertThat(post("quoted-printable-iso-8859-1.eml").statusCode()).isEqualTo(202);

        String text = onlyImport().path("data").path("text").asString();
        assertThat(text)
                .startsWith(
                        "Email from École Saint-André <secretariat@ecole-st-andre.example>,"
                                + " Mon 24 Nov 2025 11:45: Réunion des parents d'élèves")
                .contains("Chère Ada,")
                .contains("la réunion des parents d'élèves aura lieu jeudi à 18h30")
                .contains("auprès de Madame Müller avant mercredi;");
    }

    @Test
    void aBase64HtmlBodyBecomesReadableTextAndAttachmentsAreListedByName() {
        assertThat(post("multipart-html-base64-attachments.eml").statusCode()).isEqualTo(202);

        String text = onlyImport().path("data").path("text").asString();
        assertThat(text)
                .startsWith(
                        "Email from Northern Heating <billing@northern-heating.example>, Wed 26"
                                + " Nov 2025 04:15: Your boiler service invoice")
                .contains(
                        "your invoice INV-2026-11 for the boiler service on 2 December is attached.")
                .contains("Amount due £120.00")
                .endsWith("\n\nAttachments: Invoice INV-2026-11.pdf, Zählerstand.jpg")
                .doesNotContain("<p>", "track()", "color", "&pound;");
    }

    @Test
    void anInformedDeliveryDigestBecomesOneImportPerMailPieceAndPackage() {
        var response = post("informed-delivery-digest.eml");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        var data =
                TopicRecords.of(Topics.IMPORTS, caller.household()).stream()
                        .map(r -> json.readTree(r.value()).path("data"))
                        .toList();
        assertThat(data)
                .extracting(
                        d -> d.path("externalKey").asString(),
                        d -> d.path("date").asString(),
                        d -> d.path("text").asString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "usps:mailpiece:31234567890",
                                "2025-11-25",
                                "Expecting mail (USPS Informed Delivery)."),
                        org.assertj.core.groups.Tuple.tuple(
                                "usps:mailpiece:31234567891",
                                "2025-11-25",
                                "Expecting advertising mail from Lakeside Furniture (USPS Informed"
                                        + " Delivery)."),
                        org.assertj.core.groups.Tuple.tuple(
                                "usps:mailpiece:31234567892",
                                "2025-11-25",
                                "Expecting mail (USPS Informed Delivery)."),
                        org.assertj.core.groups.Tuple.tuple(
                                "usps:package:9400111899223344556677",
                                "2025-11-26",
                                "Expecting a package from ACME OUTDOOR SUPPLY, USPS tracking"
                                        + " 9400111899223344556677."),
                        org.assertj.core.groups.Tuple.tuple(
                                "usps:package:9205590164917312345678",
                                "2025-11-25",
                                "Expecting a package, USPS tracking 9205590164917312345678."));
        assertThat(data).allSatisfy(d -> assertThat(d.path("source").asString()).isEqualTo("usps"));
        assertThat(data)
                .extracting(d -> d.path("tags").valueStream().map(JsonNode::asString).toList())
                .containsExactly(
                        List.of("usps", "mail"),
                        List.of("usps", "mail", "advertisement"),
                        List.of("usps", "mail"),
                        List.of("usps", "package"),
                        List.of("usps", "package"));
    }

    @Test
    void aResentDigestGetsTheSameEventIdsSoDownstreamStoresItOnce() {
        var first = http.json(post("informed-delivery-digest.eml")).path("eventIds");
        var second = http.json(post("informed-delivery-digest.eml")).path("eventIds");

        assertThat(first.size()).isEqualTo(5);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void textPlainIsAcceptedAsContentTypeToo() {
        var response =
                RawEmail.post(
                        port,
                        caller.token(),
                        "text/plain; charset=UTF-8",
                        RawEmail.resource("plain-forwarded.eml"));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @Test
    void aSenderTheHouseholdDoesNotAllowIsRefusedWith403NamingFrom() {
        var other =
                households.register(List.of(), List.of("someone@else.example"), "imports:write");

        var response =
                RawEmail.post(
                        port,
                        other.token(),
                        "message/rfc822",
                        RawEmail.resource("plain-forwarded.eml"));

        JsonNode problem = http.assertProblem(response, 403, "from");
        assertThat(problem.path("detail").asString()).contains("ada@lovelace.example");
        assertThat(TopicRecords.of(Topics.IMPORTS, other.household())).isEmpty();
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        http.assertProblem(
                RawEmail.post(
                        port, null, "message/rfc822", RawEmail.resource("plain-forwarded.eml")),
                401);
    }

    @Test
    void aTokenWithoutTheImportScopeIsRefusedWith403() {
        var reader = households.register(List.of(), SENDERS, "memories:read");

        http.assertProblem(
                RawEmail.post(
                        port,
                        reader.token(),
                        "message/rfc822",
                        RawEmail.resource("plain-forwarded.eml")),
                403);
        assertThat(TopicRecords.of(Topics.IMPORTS, reader.household())).isEmpty();
    }

    @Test
    void somethingWithoutAFromAddressIsRefusedWith400NamingBody() {
        byte[] notAnEmail =
                "just some text\r\n\r\nno headers here".getBytes(StandardCharsets.UTF_8);

        http.assertProblem(
                RawEmail.post(port, caller.token(), "message/rfc822", notAnEmail), 400, "body");
        http.assertProblem(
                RawEmail.post(port, caller.token(), "message/rfc822", new byte[0]), 400, "body");
        assertThat(TopicRecords.of(Topics.IMPORTS, caller.household())).isEmpty();
    }

    @Test
    void jsonIsNotAnEmailAndIsRefusedWith415() {
        http.assertProblem(http.post("/api/v1/email", caller.token(), "{\"text\": \"hi\"}"), 415);
    }

    private java.net.http.HttpResponse<String> post(String resource) {
        return RawEmail.post(port, caller.token(), "message/rfc822", RawEmail.resource(resource));
    }

    private JsonNode onlyImport() {
        var records = TopicRecords.of(Topics.IMPORTS, caller.household());
        assertThat(records).hasSize(1);
        return json.readTree(records.get(0).value());
    }
}
