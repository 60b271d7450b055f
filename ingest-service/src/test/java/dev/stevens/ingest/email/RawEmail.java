package dev.stevens.ingest.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw RFC 822 test messages and a client that posts them as a mail relay would. */
final class RawEmail {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RawEmail() {}

    static byte[] resource(String name) {
        try (InputStream in = RawEmail.class.getResourceAsStream("/email/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> post(int port, String token, String contentType, byte[] body) {
        return send(port, token, contentType, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** A body without Content-Length (chunked), as a streaming relay sends it. */
    static HttpResponse<String> postChunked(int port, String token, byte[] body) {
        return send(
                port,
                token,
                "message/rfc822",
                HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)));
    }

    private static HttpResponse<String> send(
            int port, String token, String contentType, HttpRequest.BodyPublisher body) {
        var request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/email"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType)
                        .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
