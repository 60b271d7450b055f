package dev.stevens.briefing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.LoggingProducerListener;

/**
 * service-support declares a {@code KafkaTemplate<String, byte[]>} for dead letters, which makes
 * Boot's own {@code kafkaTemplate} back off, and its {@code EventPublisher} then finds no {@code
 * KafkaTemplate<Object, Object>}. This restores Boot's template on Boot's producer factory (the
 * wire format customizer applies to it). Remove once service-support provides it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTemplateConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "kafkaTemplate")
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
        var template = new KafkaTemplate<>(producerFactory);
        // a failed send is logged without the event: memory texts are household data
        var listener = new LoggingProducerListener<Object, Object>();
        listener.setIncludeContents(false);
        template.setProducerListener(listener);
        return template;
    }
}
