package dev.stevens.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route a service maps (controllers and actuator), as concrete requests: path variables
 * become random ids, and a mapping without methods is tried with GET and POST. For tests that walk
 * the whole surface, such as "nothing answers without credentials".
 */
public final class MappedRoutes {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private MappedRoutes() {}

    public static List<Route> of(List<RequestMappingInfoHandlerMapping> mappings) {
        List<Route> routes = new ArrayList<>();
        for (var mapping : mappings) {
            mapping.getHandlerMethods()
                    .keySet()
                    .forEach(
                            info -> {
                                Set<RequestMethod> methods =
                                        info.getMethodsCondition().getMethods();
                                for (String pattern : info.getPatternValues()) {
                                    for (RequestMethod method :
                                            methods.isEmpty()
                                                    ? Set.of(RequestMethod.GET, RequestMethod.POST)
                                                    : methods) {
                                        routes.add(new Route(method.name(), concrete(pattern)));
                                    }
                                }
                            });
        }
        return routes;
    }

    /** Calls the route on localhost without credentials and without a body. */
    public static HttpResponse<String> call(int port, Route route) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + route.path()))
                            .method(route.method(), HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(route.toString(), e);
        }
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "x")
                .replaceAll("\\{[^}]+}", UUID.randomUUID().toString())
                .replace("/**", "/x");
    }
}
