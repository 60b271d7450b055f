package dev.stevens.briefing.schedule;

import dev.stevens.briefing.BriefingProperties;
import dev.stevens.briefing.delivery.DeliveryProperties;
import dev.stevens.briefing.delivery.OutboxRelay;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Ticks the scheduler every {@code stevens.briefing.tick} unless it is disabled, and publishes the
 * event outbox every {@code stevens.briefing.delivery.outbox-interval} in any case (events may also
 * come from briefs written on request).
 */
@Configuration(proxyBeanMethods = false)
class SchedulingSetup implements SchedulingConfigurer {

    private final BriefScheduler scheduler;
    private final OutboxRelay relay;
    private final BriefingProperties properties;
    private final DeliveryProperties delivery;

    SchedulingSetup(
            BriefScheduler scheduler,
            OutboxRelay relay,
            BriefingProperties properties,
            DeliveryProperties delivery) {
        this.scheduler = scheduler;
        this.relay = relay;
        this.properties = properties;
        this.delivery = delivery;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(scheduler::tick, properties.tick());
        }
        registrar.addFixedDelayTask(relay::publishPending, delivery.outboxInterval());
    }
}
