package dev.stevens.briefing.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The butler's side of the household chat.
 *
 * @param historySize how many of the newest messages of the conversation the model sees
 * @param sendAttempts attempts to deliver one reply before it is given up (transient failures)
 * @param retryBackoff the first pause between attempts; doubles, and Telegram's {@code retry_after}
 *     wins when it is longer
 * @param maxRetryWait the longest single pause; a longer {@code retry_after} gives the reply up
 * @param answerWithin only messages stamped this close to now are answered; older (or far future)
 *     ones only enter the transcript, so a new consumer replaying the topic from the start, e.g.
 *     after a fresh install, does not answer the household's whole history again
 */
@Validated
@ConfigurationProperties("stevens.chat")
record ChatProperties(
        @DefaultValue("20") @Min(1) @Max(500) int historySize,
        @DefaultValue("3") @Min(1) int sendAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration maxRetryWait,
        @DefaultValue("15m") Duration answerWithin) {}
