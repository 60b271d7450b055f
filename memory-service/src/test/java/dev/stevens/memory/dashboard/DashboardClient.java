package dev.stevens.memory.dashboard;

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

/** A real HTTP client with its own cookie jar, as a browser without JavaScript would be. */
final class DashboardClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http;

    DashboardClient(int port) {
        this.port = port;
        this.http =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts a form with the CSRF token of the page at {@code formPage}. */
    HttpResponse<String> post(String path, String formPage, Map<String, String> fields) {
        var withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf(formPage));
        return postRaw(path, withToken);
    }

    /** Posts without a CSRF token unless the fields carry one. */
    HttpResponse<String> postRaw(String path, Map<String, String> fields) {
        String body =
                fields.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                        .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> send(String method, String path) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Logs in; answers where the login redirected to. */
    String login(String username, String password) {
        var response = post("/login", "/login", Map.of("username", username, "password", password));
        return response.headers().firstValue("Location").orElse("");
    }

    String csrf(String page) {
        var matcher = CSRF.matcher(get(page).body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        return matcher.group(1);
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

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
