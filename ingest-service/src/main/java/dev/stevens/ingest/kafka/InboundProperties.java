package dev.stevens.ingest.kafka;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param ackTimeout how long the email and Telegram inbound paths wait for Kafka's acknowledgement
 *     before answering 503 (the sender retries; event ids are deterministic, so nothing doubles)
 */
@Validated
@ConfigurationProperties("stevens.ingest.inbound")
public record InboundProperties(@DefaultValue("10s") @NotNull Duration ackTimeout) {}
