package dev.stevens.briefing;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Keeps a read model of the notebook, composes each household's morning brief and delivers it once
 * per household, day and channel.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@PropertySource("classpath:briefing-service.properties")
public class BriefingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BriefingServiceApplication.class, args);
    }

    /** Every "now" comes from here, so tests can move time instead of waiting for it. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
