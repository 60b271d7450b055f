package dev.stevens.support.observability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param metrics the deployment-wide credential Prometheus scrapes with (HTTP Basic); the password
 *     comes from the environment ({@code STEVENS_METRICS_PASSWORD}); without one metrics are closed
 * @param kafkaHealthTimeout how long the readiness check waits for the broker
 */
@ConfigurationProperties("stevens")
public record ObservabilityProperties(
        @DefaultValue Metrics metrics, @DefaultValue("2s") Duration kafkaHealthTimeout) {

    public record Metrics(@DefaultValue("prometheus") String username, String password) {}
}
