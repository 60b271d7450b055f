package dev.stevens.briefing.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Stevens-Signature: sha256=<hex>}: HMAC-SHA256 of the exact request body bytes with the
 * household's signing secret. A receiver recomputes it over the raw body it received and compares
 * in constant time.
 */
final class WebhookSignature {

    static final String HEADER = "X-Stevens-Signature";

    private WebhookSignature() {}

    static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
