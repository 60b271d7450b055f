package dev.stevens.memory.notebook;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-source retention: a memory of source S is archived once its date (or, undated, its creation
 * day) is more than {@code rules[S]} in the past. Sources without a rule are kept live forever.
 *
 * @param enabled run the archiving job on a schedule
 * @param interval pause between runs
 * @param batchSize memories archived per transaction
 * @param rules source → age after which it is archived, e.g. {@code
 *     stevens.retention.rules.weather=14d}; defaults: weather 14d, mail 90d, calendar 30d
 */
@Validated
@ConfigurationProperties("stevens.retention")
record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("1h") Duration interval,
        @Min(1) @DefaultValue("500") int batchSize,
        Map<String, Duration> rules) {

    static final Map<String, Duration> DEFAULT_RULES =
            Map.of(
                    "weather", Duration.ofDays(14),
                    "mail", Duration.ofDays(90),
                    "calendar", Duration.ofDays(30));

    RetentionProperties {
        rules = rules == null || rules.isEmpty() ? DEFAULT_RULES : Map.copyOf(rules);
    }
}
