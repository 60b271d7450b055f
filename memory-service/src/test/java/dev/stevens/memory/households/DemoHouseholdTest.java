package dev.stevens.memory.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stevens.events.Topics;
import dev.stevens.memory.MemoryServiceApplication;
import dev.stevens.memory.TestKafka;
import dev.stevens.support.security.ApiTokens;
import dev.stevens.testing.RealInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restarts the real application on the same real database and broker, as the launcher does on every
 * start, to show the demo bootstrap is idempotent. (Not {@code @IntegrationTest}: that gives each
 * context a fresh database, and a restart needs the same one.)
 */
class DemoHouseholdTest {

    final RealInfrastructure.Database database = RealInfrastructure.shared().newDatabase("demo");
    // its own id: other contexts on the shared broker publish demo households too
    final UUID household = UUID.randomUUID();

    @Test
    void bootingTwiceWithTheSameSettingsKeepsOneHouseholdOneTokenAndOneSettingsVersion() {
        boot("stv_demo-token-1", "pw-1", 777L, app -> {});
        boot(
                "stv_demo-token-1",
                "pw-1",
                777L,
                app -> {
                    JdbcClient jdbc = app.getBean(JdbcClient.class);
                    assertThat(count(jdbc, "households")).isEqualTo(1);
                    assertThat(jdbc.sql("select id from households").query(UUID.class).single())
                            .isEqualTo(household);
                    assertThat(count(jdbc, "dashboard_users")).isEqualTo(1);
                    assertThat(count(jdbc, "api_tokens")).isEqualTo(1);
                    assertThat(
                                    jdbc.sql("select token_sha256 from api_tokens")
                                            .query(String.class)
                                            .single())
                            .isEqualTo(ApiTokens.sha256Hex("stv_demo-token-1"));
                    String hash =
                            jdbc.sql(
                                            "select password_hash from dashboard_users where username = 'demo'")
                                    .query(String.class)
                                    .single();
                    assertThat(hash).startsWith("{bcrypt}").doesNotContain("pw-1");
                    assertThat(app.getBean(PasswordEncoder.class).matches("pw-1", hash)).isTrue();
                });

        List<JsonNode> settings = demoSettings();
        assertThat(settings).hasSize(1);
        JsonNode data = settings.get(0).get("data");
        assertThat(data.get("name").asString()).isEqualTo("Demo household");
        assertThat(data.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(data.get("briefTime").asString()).startsWith("06:15");
        assertThat(data.get("formOfAddress").asString()).isEqualTo("Sir");
        assertThat(data.get("allowedTelegramChats").toString()).isEqualTo("[777]");
        assertThat(data.get("apiTokens").get(0).get("scopes").toString())
                .isEqualTo(
                        "[\"imports:write\",\"memories:read\",\"memories:write\",\"briefings:read\","
                                + "\"tokens:admin\"]");
        assertThat(data.get("version").asLong()).isEqualTo(1);

        // new token, password and chat: applied in place, published as version 2
        boot(
                "stv_demo-token-2",
                "pw-2",
                778L,
                app -> {
                    JdbcClient jdbc = app.getBean(JdbcClient.class);
                    assertThat(count(jdbc, "households")).isEqualTo(1);
                    assertThat(
                                    jdbc.sql(
                                                    "select token_sha256 from api_tokens where revoked_at is null")
                                            .query(String.class)
                                            .list())
                            .containsExactly(ApiTokens.sha256Hex("stv_demo-token-2"));
                    String hash =
                            jdbc.sql(
                                            "select password_hash from dashboard_users where username = 'demo'")
                                    .query(String.class)
                                    .single();
                    assertThat(app.getBean(PasswordEncoder.class).matches("pw-2", hash)).isTrue();
                });
        List<JsonNode> after = demoSettings();
        assertThat(after).hasSize(2);
        JsonNode latest = after.get(1).get("data");
        assertThat(latest.get("version").asLong()).isEqualTo(2);
        assertThat(latest.get("allowedTelegramChats").toString()).isEqualTo("[778]");
        assertThat(latest.get("apiTokens")).hasSize(1);
        assertThat(latest.get("apiTokens").get(0).get("sha256").asString())
                .isEqualTo(ApiTokens.sha256Hex("stv_demo-token-2"));
    }

    @Test
    void withoutAnIdTheDemoHouseholdIsTheSameOnEveryStartSoARestartFindsIt() {
        var first = new DemoProperties(true, "t", "p", null, null, null, "Sir", null);
        var second = new DemoProperties(true, "t", "p", null, null, null, "Sir", null);
        assertThat(first.householdId())
                .isEqualTo(second.householdId())
                .isEqualTo(DemoProperties.DEFAULT_HOUSEHOLD);
    }

    @Test
    void anEnabledDemoWithoutTokenOrPasswordRefusesToStart() {
        assertThatThrownBy(() -> application("", "pw", null).run().close())
                .rootCause()
                .hasMessageContaining("stevens.demo.token")
                .hasMessageContaining("stevens.demo.password");
    }

    private void boot(
            String token,
            String password,
            Long chat,
            Consumer<ConfigurableApplicationContext> check) {
        try (var app = application(token, password, chat).run()) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            await().until(() -> count(jdbc, "outbox") == 0);
            check.accept(app);
        }
    }

    private SpringApplicationBuilder application(String token, String password, Long chat) {
        List<String> properties =
                new ArrayList<>(
                        List.of(
                                "spring.datasource.url=" + database.jdbcUrl(),
                                "spring.datasource.username=" + database.username(),
                                "spring.datasource.password=" + database.password(),
                                "spring.kafka.bootstrap-servers="
                                        + RealInfrastructure.shared().bootstrapServers(),
                                "spring.kafka.listener.auto-startup=false",
                                "server.port=0",
                                "stevens.demo.enabled=true",
                                "stevens.demo.token=" + token,
                                "stevens.demo.password=" + password,
                                "stevens.demo.time-zone=Europe/Paris",
                                "stevens.demo.brief-time=06:15",
                                "stevens.demo.household-id=" + household));
        if (chat != null) {
            properties.add("stevens.demo.telegram-chat-id=" + chat);
        }
        return new SpringApplicationBuilder(MemoryServiceApplication.class)
                .properties(properties.toArray(String[]::new));
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<JsonNode> demoSettings() {
        JsonMapper json = JsonMapper.builder().build();
        return TestKafka.readAllWithKey(Topics.HOUSEHOLDS, household).stream()
                .map(record -> json.readTree(record.value()))
                .toList();
    }
}
