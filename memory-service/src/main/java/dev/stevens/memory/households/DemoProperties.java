package dev.stevens.memory.households;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo household the local launcher asks for.
 *
 * @param enabled create or update the demo household at startup
 * @param token the household's API token (only its SHA-256 is stored); required when enabled
 * @param password the password of the dashboard owner {@code demo}; required when enabled
 * @param timeZone the household's time zone; the system zone when absent
 * @param briefTime when the morning brief goes out, local time
 * @param telegramChatId the Telegram chat that receives the brief and may talk to the butler
 * @param formOfAddress how the butler addresses the household
 * @param householdId the demo household's id: the same on every start by default, so a restart
 *     finds it; set it when several demo stacks share one broker (the tests) so they do not
 *     overwrite each other's settings on the compacted households topic
 */
@ConfigurationProperties("stevens.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        String token,
        String password,
        ZoneId timeZone,
        @DefaultValue("07:30") LocalTime briefTime,
        Long telegramChatId,
        @DefaultValue("Sir") String formOfAddress,
        UUID householdId) {

    static final UUID DEFAULT_HOUSEHOLD =
            UUID.nameUUIDFromBytes("stevens-demo-household".getBytes(StandardCharsets.UTF_8));

    public DemoProperties {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
        householdId = householdId == null ? DEFAULT_HOUSEHOLD : householdId;
    }

    /** Secrets stay out of logs and failure analyses. */
    @Override
    public String toString() {
        return "DemoProperties[enabled=%s, token=%s, password=%s, timeZone=%s, briefTime=%s, telegramChatId=%s, formOfAddress=%s, householdId=%s]"
                .formatted(
                        enabled,
                        token == null ? null : "******",
                        password == null ? null : "******",
                        timeZone,
                        briefTime,
                        telegramChatId,
                        formOfAddress,
                        householdId);
    }
}
