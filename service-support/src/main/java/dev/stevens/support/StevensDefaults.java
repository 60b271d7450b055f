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
            Map.ofEntries(
                    Map.entry("spring.jpa.open-in-view", "false"),
                    Map.entry("spring.jpa.hibernate.ddl-auto", "validate"),
                    Map.entry("spring.threads.virtual.enabled", "false"),
                    Map.entry("server.shutdown", "graceful"),
                    Map.entry("spring.kafka.producer.acks", "all"),
                    // observability (see dev.stevens.support.observability)
                    Map.entry(
                            "management.endpoints.web.exposure.include", "health,info,prometheus"),
                    Map.entry("management.endpoint.health.probes.enabled", "true"),
                    Map.entry("management.endpoint.health.show-details", "when-authorized"),
                    // names and states only, so a probe or operator sees which dependency is down
                    Map.entry("management.endpoint.health.show-components", "always"),
                    // a service without a database (ingest) simply has no db component
                    Map.entry("management.endpoint.health.validate-group-membership", "false"),
                    // an outage of Kafka or the database takes the service out of rotation, but
                    // must not get it restarted: liveness stays about the process itself
                    Map.entry(
                            "management.endpoint.health.group.readiness.include",
                            "readinessState,kafka,db"),
                    Map.entry("management.endpoint.health.group.liveness.include", "livenessState"),
                    Map.entry("management.info.java.enabled", "true"),
                    // trace context: HTTP request -> record headers -> listener (no exporter here)
                    Map.entry("spring.kafka.template.observation-enabled", "true"),
                    Map.entry("spring.kafka.listener.observation-enabled", "true"),
                    Map.entry(
                            "logging.pattern.correlation",
                            "[${spring.application.name:},%X{traceId:-},%X{spanId:-}"
                                    + ",%X{eventId:-},%X{household:-}] "));

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        // merged into Boot's "defaultProperties", which @PropertySource files are placed before
        DefaultPropertiesPropertySource.addOrMerge(DEFAULTS, environment.getPropertySources());
    }
}
