package dev.stevens.memory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client against the running service. */
public final class TestApi {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public TestApi(int port) {
        this.port = port;
    }

    public Response get(String pathAndQuery, String token) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any method with an optional JSON body. */
    public Response send(String method, String pathAndQuery, String token, String jsonBody) {
        var request =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .method(
                                method,
                                jsonBody == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(jsonBody))
                        .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
