package dev.stevens.briefing.schedule;

import dev.stevens.briefing.BriefingProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Ticks the scheduler every {@code stevens.briefing.tick} unless it is disabled. */
@Configuration(proxyBeanMethods = false)
class SchedulingSetup implements SchedulingConfigurer {

    private final BriefScheduler scheduler;
    private final BriefingProperties properties;

    SchedulingSetup(BriefScheduler scheduler, BriefingProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.enabled()) {
            registrar.addFixedDelayTask(scheduler::tick, properties.tick());
        }
    }
}
