package dev.stevens.support.observability;

import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.web.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Health, info, metrics, trace context in logs and the OpenAPI document, the same in every service.
 * Property defaults (exposed endpoints, probe groups, observation on Kafka) are in {@code
 * StevensDefaults}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(ObservabilityProperties.class)
public class StevensObservabilityConfiguration {

    /** Named so that its health component is {@code kafka}. */
    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    KafkaBrokerHealthIndicator kafkaHealthIndicator(
            KafkaAdmin admin, ObservabilityProperties properties) {
        return new KafkaBrokerHealthIndicator(admin, properties.kafkaHealthTimeout());
    }

    @Bean
    BuildInfoContributor stevensBuildInfoContributor(Environment environment) {
        return new BuildInfoContributor(
                environment.getProperty("spring.application.name", "stevens"));
    }

    @Bean
    EventMetrics stevensEventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    ConsumerObservability.Records stevensRecordInterceptor(EventMetrics metrics) {
        return new ConsumerObservability.Records(metrics);
    }

    @Bean
    ConsumerObservability.Batches stevensBatchInterceptor(EventMetrics metrics) {
        return new ConsumerObservability.Batches(metrics);
    }

    @Bean
    FilterRegistrationBean<RejectionMetricsFilter> stevensRejectionMetrics(MeterRegistry registry) {
        var registration = new FilterRegistrationBean<>(new RejectionMetricsFilter(registry));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    @Order(ObservabilitySecurity.ORDER)
    @ConditionalOnClass(HttpSecurity.class)
    SecurityFilterChain stevensMetricsSecurity(
            HttpSecurity http, ObservabilityProperties properties, ProblemResponses problems)
            throws Exception {
        return ObservabilitySecurity.metrics(http, properties, problems);
    }

    @Bean
    @Order(ObservabilitySecurity.ORDER + 1)
    @ConditionalOnBean(ApiTokenDirectory.class)
    SecurityFilterChain stevensApiDocsSecurity(
            HttpSecurity http, ApiTokenDirectory tokens, ProblemResponses problems)
            throws Exception {
        return ObservabilitySecurity.apiDocs(http, tokens, problems);
    }
}
