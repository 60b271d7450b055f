package dev.stevens.memory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.households.Households;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Settings: people and their dashboard accounts (roles, password resets, the last owner). */
@MemoryServiceTest
class AccountsSettingsTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
    @LocalServerPort int port;

    DashboardFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DashboardFixture(households, jdbc, passwords);
    }

    @Test
    void anOwnerPromotesAMemberAndDemotesThemAgain() {
        var owner = fixture.household("OWNER");
        var member = fixture.account(owner.household(), "MEMBER");
        var client = loggedIn(owner);

        client.post(
                "/settings/accounts/role",
                "/settings",
                Map.of("id", id(member).toString(), "role", "OWNER"));
        assertThat(role(member)).isEqualTo("OWNER");

        client.post(
                "/settings/accounts/role",
                "/settings",
                Map.of("id", id(member).toString(), "role", "MEMBER"));
        assertThat(role(member)).isEqualTo("MEMBER");
    }

    @Test
    void theLastOwnerCannotBeDemotedButOneOfTwoOwnersCanAndThenLosesSettingsAtOnce() {
        var owner = fixture.household("OWNER");
        var client = loggedIn(owner);

        client.post(
                "/settings/accounts/role",
                "/settings",
                Map.of("id", id(owner).toString(), "role", "MEMBER"));
        assertThat(role(owner)).isEqualTo("OWNER");
        assertThat(client.get("/settings").body()).contains("The last owner cannot be demoted.");

        var second = fixture.account(owner.household(), "OWNER");
        client.post(
                "/settings/accounts/role",
                "/settings",
                Map.of("id", id(owner).toString(), "role", "MEMBER"));
        assertThat(role(owner)).isEqualTo("MEMBER");
        // The session still carries the owner authority from login; the account row decides.
        assertThat(client.get("/settings").statusCode()).isEqualTo(403);

        var other = loggedIn(second);
        other.post(
                "/settings/accounts/role",
                "/settings",
                Map.of("id", id(second).toString(), "role", "MEMBER"));
        assertThat(role(second)).isEqualTo("OWNER");
    }

    @Test
    void aDemotedOwnersOpenSessionLosesEveryOwnerPageAtOnce() {
        var owner = fixture.household("OWNER");
        var second = fixture.account(owner.household(), "OWNER");
        var demoted = loggedIn(second);
        assertThat(demoted.get("/dead-letters").statusCode()).isEqualTo(200);

        loggedIn(owner)
                .post(
                        "/settings/accounts/role",
                        "/settings",
                        Map.of("id", id(second).toString(), "role", "MEMBER"));

        assertThat(demoted.get("/dead-letters").statusCode()).isEqualTo(403);
        assertThat(demoted.get("/imports").statusCode()).isEqualTo(403);
        assertThat(demoted.get("/notebook").statusCode()).isEqualTo(200);
    }

    @Test
    void aDemotedOwnerCanNoLongerRemoveTheLastOwner() {
        var owner = fixture.household("OWNER");
        var second = fixture.account(owner.household(), "OWNER");
        var stale = loggedIn(second);
        String token = stale.csrf("/settings");
        loggedIn(owner)
                .post(
                        "/settings/accounts/role",
                        "/settings",
                        Map.of("id", id(second).toString(), "role", "MEMBER"));

        var response =
                stale.postRaw(
                        "/settings/accounts/remove",
                        Map.of("id", id(owner).toString(), "_csrf", token));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(role(owner)).isEqualTo("OWNER");
    }

    @Test
    void anOwnerResetsAPasswordSoOnlyTheNewOneLogsIn() {
        var owner = fixture.household("OWNER");
        var member = fixture.account(owner.household(), "MEMBER");
        String fresh = "a brand new passphrase " + UUID.randomUUID();

        loggedIn(owner)
                .post(
                        "/settings/accounts/password",
                        "/settings",
                        Map.of("id", id(member).toString(), "password", fresh));

        assertThat(new DashboardClient(port).login(member.username(), DashboardFixture.PASSWORD))
                .contains("/login?error");
        assertThat(new DashboardClient(port).login(member.username(), fresh))
                .doesNotContain("error");
    }

    @Test
    void aTooShortPasswordIsRefusedAndTheOldOneStillWorks() {
        var owner = fixture.household("OWNER");
        var member = fixture.account(owner.household(), "MEMBER");
        var client = loggedIn(owner);

        client.post(
                "/settings/accounts/password",
                "/settings",
                Map.of("id", id(member).toString(), "password", "short"));

        assertThat(client.get("/settings").body()).contains("12 to 200 characters");
        assertThat(new DashboardClient(port).login(member.username(), DashboardFixture.PASSWORD))
                .doesNotContain("error");
    }

    @Test
    void anOwnerCannotChangeTheRoleOrPasswordOfAnotherHouseholdsAccount() {
        var mine = fixture.household("OWNER");
        var theirs = fixture.household("OWNER");
        var victim = fixture.account(theirs.household(), "MEMBER");
        var client = loggedIn(mine);

        client.post(
                "/settings/accounts/role",
                "/settings",
                Map.of("id", id(victim).toString(), "role", "OWNER"));
        client.post(
                "/settings/accounts/password",
                "/settings",
                Map.of("id", id(victim).toString(), "password", "taken over at last!"));

        assertThat(role(victim)).isEqualTo("MEMBER");
        assertThat(new DashboardClient(port).login(victim.username(), DashboardFixture.PASSWORD))
                .doesNotContain("error");
    }

    private DashboardClient loggedIn(DashboardFixture.Account account) {
        var client = new DashboardClient(port);
        client.login(account.username(), DashboardFixture.PASSWORD);
        return client;
    }

    private UUID id(DashboardFixture.Account account) {
        return jdbc.sql("select id from dashboard_users where username = :u")
                .param("u", account.username())
                .query(UUID.class)
                .single();
    }

    private String role(DashboardFixture.Account account) {
        return jdbc.sql("select role from dashboard_users where username = :u")
                .param("u", account.username())
                .query(String.class)
                .single();
    }
}
