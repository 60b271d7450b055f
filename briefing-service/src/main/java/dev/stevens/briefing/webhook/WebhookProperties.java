package dev.stevens.briefing.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The brief by webhook.
 *
 * @param timeout connect and read timeout of one POST
 */
@ConfigurationProperties("stevens.webhook")
public record WebhookProperties(@DefaultValue("10s") Duration timeout) {}
