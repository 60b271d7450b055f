package dev.stevens.memory.outbox;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox relay runs.
 *
 * @param enabled false leaves records in the outbox (e.g. for a read-only replica)
 * @param pollInterval how often the relay looks for records without being woken: a commit in this
 *     instance wakes it at once; the poll only picks up what a stopped instance left behind
 * @param retryInterval pause after a round the broker or the database failed, before the next try
 * @param batchSize records relayed (and locked) per round
 * @param sendTimeout how long a round waits for the broker's acknowledgements before it gives up
 *     and leaves the batch for the next round
 */
@Validated
@ConfigurationProperties("stevens.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("250ms") @NotNull Duration retryInterval,
        @DefaultValue("200") @Min(1) @Max(10_000) int batchSize,
        @DefaultValue("10s") @NotNull Duration sendTimeout) {}
