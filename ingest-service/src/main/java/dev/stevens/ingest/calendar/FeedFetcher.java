package dev.stevens.ingest.calendar;

import dev.stevens.events.HouseholdSettingsChanged.CalendarFeed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** Fetches an ICS feed, conditionally when we hold validators from an earlier fetch. */
@Component
class FeedFetcher {

    /** What the feed answered: a body with its validators, or "not modified" (body null). */
    record Fetched(String body, String etag, String lastModified) {
        boolean notModified() {
            return body == null;
        }
    }

    private final CalendarProperties properties;
    private final HttpClient http;

    FeedFetcher(CalendarProperties properties) {
        this.properties = properties;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(properties.timeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    /**
     * @param known validators of the last successful import, or null
     * @throws FeedFailedException on anything but 200 or 304
     */
    Fetched fetch(CalendarFeed feed, Fetched known) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(feed.url())).timeout(properties.timeout());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new FeedFailedException("invalid feed URL");
        }
        request.header("Accept", "text/calendar, */*;q=0.5");
        if (feed.username() != null && !feed.username().isEmpty()) {
            String credentials =
                    feed.username() + ":" + (feed.password() == null ? "" : feed.password());
            request.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (known != null && known.etag() != null) {
            request.header("If-None-Match", known.etag());
        }
        if (known != null && known.lastModified() != null) {
            request.header("If-Modified-Since", known.lastModified());
        }
        try {
            HttpResponse<String> response =
                    http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 304 && known != null) {
                return new Fetched(null, known.etag(), known.lastModified());
            }
            if (response.statusCode() != 200) {
                throw new FeedFailedException("HTTP " + response.statusCode());
            }
            return new Fetched(
                    response.body(),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        } catch (IOException e) {
            throw new FeedFailedException("unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedFailedException("interrupted");
        }
    }
}
