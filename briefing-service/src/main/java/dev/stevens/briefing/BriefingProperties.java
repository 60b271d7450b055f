package dev.stevens.briefing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When briefs are written and sent.
 *
 * @param enabled whether the scheduler ticks on its own (tests tick by hand)
 * @param tick pause between two looks at every household's clock
 * @param grace how late a brief may still be sent; later ones are recorded as missed
 * @param lease how long a claimed delivery belongs to the instance sending it; after that another
 *     instance may take it over (it must be longer than any send takes)
 * @see dev.stevens.briefing.delivery.DeliveryProperties retries and their deadline
 */
@Validated
@ConfigurationProperties("stevens.briefing")
public record BriefingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration tick,
        @DefaultValue("3h") Duration grace,
        @DefaultValue("5m") Duration lease) {}
