package dev.stevens.briefing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.briefing.support.BriefingIntegrationTest;
import dev.stevens.testing.MappedRoutes;
import dev.stevens.testing.MappedRoutes.Route;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Walks every route of every handler mapping (controllers and actuator) without credentials: only
 * health is public; everything else answers 401 problem+json.
 */
class EveryRouteNeedsCredentialsTest extends BriefingIntegrationTest {

    @LocalServerPort int port;
    @Autowired List<RequestMappingInfoHandlerMapping> mappings;

    @Test
    void everyMappedRouteAnswers401ProblemWithoutCredentialsExceptHealth() {
        List<String> checked = new ArrayList<>();
        for (Route route : MappedRoutes.of(mappings)) {
            if (route.path().startsWith("/actuator/health")) {
                continue;
            }
            var response = MappedRoutes.call(port, route);
            checked.add(route.toString());
            assertThat(response.statusCode())
                    .as(route + " answered " + response.body())
                    .isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(route.toString())
                    .startsWith("application/problem+json");
        }
        assertThat(checked).contains("GET /api/v1/briefings", "GET /api/v1/briefings/preview");
        assertThat(MappedRoutes.call(port, new Route("GET", "/actuator/health")).statusCode())
                .isEqualTo(200);
    }
}
