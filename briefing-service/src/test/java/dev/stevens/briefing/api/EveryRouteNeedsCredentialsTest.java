package dev.stevens.briefing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.briefing.support.BriefingIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every route of every handler mapping (controllers and actuator) without credentials: only
 * health is public; everything else answers 401 problem+json.
 */
class EveryRouteNeedsCredentialsTest extends BriefingIntegrationTest {

    @LocalServerPort int port;
    @Autowired List<RequestMappingInfoHandlerMapping> mappings;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyMappedRouteAnswers401ProblemWithoutCredentialsExceptHealth() {
        List<String> checked = new ArrayList<>();
        for (var mapping : mappings) {
            mapping.getHandlerMethods()
                    .forEach(
                            (info, handler) -> {
                                Set<RequestMethod> methods =
                                        info.getMethodsCondition().getMethods();
                                for (String pattern : info.getPatternValues()) {
                                    String path = concrete(pattern);
                                    if (path.startsWith("/actuator/health")) {
                                        continue;
                                    }
                                    for (RequestMethod method :
                                            methods.isEmpty()
                                                    ? Set.of(RequestMethod.GET, RequestMethod.POST)
                                                    : methods) {
                                        var response = send(method.name(), path);
                                        String route = method + " " + path;
                                        checked.add(route);
                                        assertThat(response.statusCode())
                                                .as(route + " answered " + response.body())
                                                .isEqualTo(401);
                                        assertThat(
                                                        response.headers()
                                                                .firstValue("Content-Type")
                                                                .orElse(""))
                                                .as(route)
                                                .startsWith("application/problem+json");
                                    }
                                }
                            });
        }
        assertThat(checked).contains("GET /api/v1/briefings", "GET /api/v1/briefings/preview");
        assertThat(send("GET", "/actuator/health").statusCode()).isEqualTo(200);
    }

    /** Path variables become random ids; catch-all segments a plain word. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString())
                .replace("/**", "/x");
    }

    private HttpResponse<String> send(String method, String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .method(method, HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
