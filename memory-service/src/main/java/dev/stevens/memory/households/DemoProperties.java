package dev.stevens.memory.households;

import java.time.LocalTime;
import java.time.ZoneId;
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
 */
@ConfigurationProperties("stevens.demo")
public record DemoProperties(
        @DefaultValue("false") boolean enabled,
        String token,
        String password,
        ZoneId timeZone,
        @DefaultValue("07:30") LocalTime briefTime,
        Long telegramChatId,
        @DefaultValue("Sir") String formOfAddress) {

    public DemoProperties {
        timeZone = timeZone == null ? ZoneId.systemDefault() : timeZone;
    }

    /** Secrets stay out of logs and failure analyses. */
    @Override
    public String toString() {
        return "DemoProperties[enabled=%s, token=%s, password=%s, timeZone=%s, briefTime=%s, telegramChatId=%s, formOfAddress=%s]"
                .formatted(
                        enabled,
                        token == null ? null : "******",
                        password == null ? null : "******",
                        timeZone,
                        briefTime,
                        telegramChatId,
                        formOfAddress);
    }
}
