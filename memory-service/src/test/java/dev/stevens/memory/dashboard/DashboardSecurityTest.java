package dev.stevens.memory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.households.Households;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

@MemoryServiceTest
class DashboardSecurityTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @LocalServerPort int port;

    DashboardFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DashboardFixture(households, jdbc, passwords);
    }

    @Test
    void everyMappedRouteRefusesAnonymousCallersExceptLoginHealthAndStaticFiles() {
        var anonymous = new DashboardClient(port);
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods()
                .forEach(
                        (info, handler) -> {
                            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                            for (String pattern : info.getPatternValues()) {
                                if (pattern.equals("/login")) {
                                    continue;
                                }
                                String path =
                                        pattern.replaceAll(
                                                "\\{[^}]+}", UUID.randomUUID().toString());
                                for (RequestMethod method :
                                        methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                                    var response = anonymous.send(method.name(), path);
                                    String location =
                                            response.headers().firstValue("Location").orElse("");
                                    checked.add(method + " " + path);
                                    boolean redirectedToLogin =
                                            response.statusCode() == 302
                                                    && location.endsWith("/login");
                                    if (method == RequestMethod.GET) {
                                        assertThat(
                                                        response.statusCode() == 401
                                                                || redirectedToLogin)
                                                .as(
                                                        method
                                                                + " "
                                                                + path
                                                                + " answered "
                                                                + response.statusCode())
                                                .isTrue();
                                    } else {
                                        // a state-changing request without a session also lacks a
                                        // CSRF token: 403
                                        assertThat(
                                                        response.statusCode() == 401
                                                                || response.statusCode() == 403
                                                                || redirectedToLogin)
                                                .as(
                                                        method
                                                                + " "
                                                                + path
                                                                + " answered "
                                                                + response.statusCode())
                                                .isTrue();
                                    }
                                }
                            }
                        });
        assertThat(checked)
                .contains("GET /", "GET /settings", "GET /api/v1/memories", "POST /memories");
        assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/dashboard/dashboard.css").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    }

    @Test
    void theLoginPageSendsStrictSecurityHeaders() {
        var response = new DashboardClient(port).get("/login");
        String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void loggingInChangesTheSessionIdAndLoggingOutEndsTheSession() {
        var owner = fixture.household("OWNER");
        var client = new DashboardClient(port);
        client.get("/login");
        assertThat(client.login(owner.username(), DashboardFixture.PASSWORD)).endsWith("/");
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        var out = client.post("/logout", "/", Map.of());
        assertThat(out.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(client.get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordIsRefusedAndRepeatedFailuresLockTheUsernameEvenForTheRightPassword() {
        var owner = fixture.household("OWNER");
        var client = new DashboardClient(port);
        for (int i = 0; i < 5; i++) {
            assertThat(client.login(owner.username(), "wrong password " + i))
                    .endsWith("/login?error");
        }
        assertThat(client.login(owner.username(), DashboardFixture.PASSWORD))
                .endsWith("/login?locked");
        assertThat(client.get("/").statusCode()).isEqualTo(302);
        // another user from the same address is not locked out by it
        var other = fixture.household("OWNER");
        assertThat(new DashboardClient(port).login(other.username(), DashboardFixture.PASSWORD))
                .endsWith("/");
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() {
        var owner = fixture.household("OWNER");
        var client = new DashboardClient(port);
        client.login(owner.username(), DashboardFixture.PASSWORD);
        var response = client.postRaw("/memories", Map.of("text", "forged"));
        assertThat(response.statusCode()).isEqualTo(403);
        var login =
                new DashboardClient(port)
                        .postRaw(
                                "/login",
                                Map.of(
                                        "username",
                                        owner.username(),
                                        "password",
                                        DashboardFixture.PASSWORD));
        assertThat(login.statusCode()).isEqualTo(403);
    }

    @Test
    void aMemberMayUseTheNotebookAndChatButNotSettingsTokensOrDeadLetters() {
        var owner = fixture.household("OWNER");
        var member = fixture.account(owner.household(), "MEMBER");
        var client = new DashboardClient(port);
        client.login(member.username(), DashboardFixture.PASSWORD);
        assertThat(client.get("/").statusCode()).isEqualTo(200);
        assertThat(client.get("/chat").statusCode()).isEqualTo(200);
        assertThat(client.get("/settings").statusCode()).isEqualTo(403);
        assertThat(client.get("/dead-letters").statusCode()).isEqualTo(403);
        assertThat(
                        client.post(
                                        "/settings/tokens",
                                        "/",
                                        Map.of("label", "x", "scopes", "memories:read"))
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aUserCannotSeeOrChangeAnotherHouseholdsMemoryEvenKnowingItsId() {
        var mine = fixture.household("OWNER");
        var theirs = fixture.household("OWNER");
        UUID secret = fixture.memory(theirs.household(), "Their secret", null);
        var client = new DashboardClient(port);
        client.login(mine.username(), DashboardFixture.PASSWORD);
        assertThat(client.get("/memories/" + secret).statusCode()).isEqualTo(404);
        assertThat(client.get("/").body()).doesNotContain("Their secret");
        for (String action : List.of("edit", "delete", "restore", "revert")) {
            var response =
                    client.post(
                            "/memories/" + secret + "/" + action,
                            "/",
                            Map.of("text", "hacked", "version", "1"));
            assertThat(response.statusCode()).as(action).isEqualTo(404);
        }
    }

    @Test
    void memoryTextIsEscapedEverywhereSoAStoredScriptNeverRuns() {
        var owner = fixture.household("OWNER");
        String payload = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        UUID id = fixture.memory(owner.household(), payload, LocalDate.now());
        var client = new DashboardClient(port);
        client.login(owner.username(), DashboardFixture.PASSWORD);
        for (String page : List.of("/", "/memories/" + id, "/notebook?q=script")) {
            String body = client.get(page).body();
            assertThat(body)
                    .as(page)
                    .doesNotContain("<script>alert", "<img src=x")
                    .contains("&lt;script&gt;alert");
        }
    }

    @Test
    void sqlMetacharactersInSearchAndFiltersAreJustText() {
        var owner = fixture.household("OWNER");
        fixture.memory(
                owner.household(), "O'Brien's 50% discount_day; drop table memories; --", null);
        var client = new DashboardClient(port);
        client.login(owner.username(), DashboardFixture.PASSWORD);
        for (String q :
                List.of(
                        "'",
                        "O'Brien",
                        "50%",
                        "_",
                        "'; drop table memories; --",
                        "\\",
                        "\" or 1=1 --")) {
            var response =
                    client.get(
                            "/notebook?q="
                                    + java.net.URLEncoder.encode(
                                            q, java.nio.charset.StandardCharsets.UTF_8)
                                    + "&source="
                                    + java.net.URLEncoder.encode(
                                            "' or '1'='1",
                                            java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(q).isEqualTo(200);
        }
        assertThat(client.get("/notebook?q=50%25").body()).contains("O&#39;Brien");
        assertThat(client.get("/notebook?q=x&source=%27%20or%20%271%27%3D%271").body())
                .doesNotContain("O&#39;Brien");
        assertThat(
                        jdbc.sql("select count(*) from memories where household_id = :h")
                                .param("h", owner.household())
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
    }
}
