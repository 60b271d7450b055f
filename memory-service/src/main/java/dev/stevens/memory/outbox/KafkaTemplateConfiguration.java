package dev.stevens.memory.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The default {@code KafkaTemplate<Object, Object>} that service-support's {@code EventPublisher}
 * needs. Boot's own template backs off because service-support already declares a (dead-letter)
 * {@code KafkaTemplate}, so the service declares it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTemplateConfiguration {

    @Bean
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }
}
