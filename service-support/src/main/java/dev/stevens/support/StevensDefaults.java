package dev.stevens.support;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Defaults every Stevens service shares, at the lowest precedence so a service's own {@code
 * <service>.properties}, the environment and the command line all win.
 */
class StevensDefaults implements EnvironmentPostProcessor {

    private static final Map<String, Object> DEFAULTS =
            Map.of(
                    "spring.jpa.open-in-view", "false",
                    "spring.jpa.hibernate.ddl-auto", "validate",
                    "spring.threads.virtual.enabled", "false",
                    "management.endpoint.health.probes.enabled", "true",
                    "management.endpoint.health.show-details", "when-authorized",
                    "management.endpoints.web.exposure.include", "health,info",
                    "server.shutdown", "graceful",
                    "spring.kafka.producer.acks", "all");

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        // merged into Boot's "defaultProperties", which @PropertySource files are placed before
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
