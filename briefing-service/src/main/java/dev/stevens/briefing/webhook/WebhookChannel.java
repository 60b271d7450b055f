package dev.stevens.briefing.webhook;

import dev.stevens.briefing.delivery.DeliveryChannel;
import dev.stevens.briefing.delivery.DeliveryOutcome;
import dev.stevens.briefing.delivery.Parcel;
import dev.stevens.briefing.households.Recipient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs the brief as JSON, signed with the household's secret (see {@link WebhookSignature}). The
 * receipt is the 2xx status and the id the receiver answered with, if any. Redirects are not
 * followed: the signed body goes only to the configured address.
 */
@Component
class WebhookChannel implements DeliveryChannel {

    static final String NO_SECRET = "no webhook signing secret set for the household";
    static final String DELIVERY_HEADER = "X-Stevens-Delivery";

    private final HttpClient http;
    private final WebhookProperties properties;
    private final JsonMapper json;

    WebhookChannel(WebhookProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(properties.timeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    @Override
    public String name() {
        return Recipient.WEBHOOK;
    }

    /** Without a household there is no secret, so a bare text is never posted unsigned. */
    @Override
    public DeliveryOutcome send(String url, String text) {
        return new DeliveryOutcome.Skipped(NO_SECRET);
    }

    @Override
    public DeliveryOutcome deliver(Parcel parcel) {
        if (parcel.signingSecret() == null || parcel.signingSecret().isBlank()) {
            return new DeliveryOutcome.Skipped(NO_SECRET);
        }
        URI url;
        try {
            url = URI.create(parcel.recipient());
        } catch (IllegalArgumentException e) {
            return new DeliveryOutcome.Failed("invalid webhook URL", true);
        }
        if (!"https".equalsIgnoreCase(url.getScheme())
                && !"http".equalsIgnoreCase(url.getScheme())) {
            return new DeliveryOutcome.Failed("webhook URL must be http or https", true);
        }
        byte[] body = json.writeValueAsBytes(payload(parcel));
        HttpRequest request =
                HttpRequest.newBuilder(url)
                        .timeout(properties.timeout())
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Stevens-Briefing/1")
                        .header(DELIVERY_HEADER, parcel.id().toString())
                        .header(
                                WebhookSignature.HEADER,
                                WebhookSignature.of(body, parcel.signingSecret()))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        try {
            return outcome(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new DeliveryOutcome.Failed(
                    "webhook unreachable: " + e.getClass().getSimpleName(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryOutcome.Failed("interrupted", false);
        }
    }

    /** The brief as the receiver gets it; the delivery id lets it drop a repeated POST. */
    private static Map<String, Object> payload(Parcel parcel) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "dev.stevens.brief.delivered");
        payload.put("deliveryId", parcel.id());
        payload.put("briefId", parcel.briefId());
        payload.put("household", parcel.household());
        payload.put("date", parcel.date().toString());
        payload.put("composer", parcel.composer());
        payload.put("content", parcel.content());
        payload.put("memoryIds", parcel.memoryIds());
        return payload;
    }

    private DeliveryOutcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new DeliveryOutcome.Delivered(
                    "HTTP "
                            + status
                            + responseId(response.body()).map(id -> " id=" + id).orElse(""));
        }
        boolean transientStatus = status == 408 || status == 425 || status == 429 || status >= 500;
        return new DeliveryOutcome.Failed(
                "webhook answered " + status, !transientStatus, retryAfter(response), null);
    }

    private Optional<String> responseId(String body) {
        try {
            JsonNode id = json.readTree(body).path("id");
            return id.isValueNode() && !id.isNull()
                    ? Optional.of(id.asString()).filter(s -> s.length() <= 200)
                    : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.strip().matches("\\d{1,6}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
                .orElse(null);
    }
}
