package dev.stevens.e2e;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A logged-in dashboard user, as a browser without JavaScript: cookies, forms and CSRF tokens.
 * Public for the fault tests in {@code dev.stevens.e2e.faults}.
 */
public final class DashboardSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

    private DashboardSession(int port) {
        this.port = port;
    }

    public static DashboardSession login(int port, String username, String password) {
        var session = new DashboardSession(port);
        var response =
                session.submit(
                        "/login", "/login", Map.of("username", username, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (location.contains("error") || location.contains("locked")) {
            throw new IllegalStateException("login refused: " + location);
        }
        return session;
    }

    /** Submits a form with the CSRF token of the page the form is on; answers the response. */
    public HttpResponse<String> submit(String path, String formPage, Map<String, String> fields) {
        var withToken = new LinkedHashMap<>(fields);
        var matcher = CSRF.matcher(send(HttpRequest.newBuilder(uri(formPage)).GET()).body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        withToken.put("_csrf", matcher.group(1));
        String body =
                withToken.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The page at {@code path}, as the browser would show it. */
    public HttpResponse<String> page(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
