package dev.stevens.memory.dashboard.security;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxFailuresPerUser failed logins for one username before it is locked
 * @param maxFailuresPerAddress failed logins from one client address before it is locked
 * @param lockDuration how long a lock lasts
 */
@Validated
@ConfigurationProperties("stevens.dashboard.login")
record LoginThrottleProperties(
        @DefaultValue("5") @Min(1) int maxFailuresPerUser,
        @DefaultValue("50") @Min(1) int maxFailuresPerAddress,
        @DefaultValue("15m") Duration lockDuration) {}
