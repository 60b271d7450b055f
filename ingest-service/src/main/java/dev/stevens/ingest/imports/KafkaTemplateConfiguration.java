package dev.stevens.ingest.imports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.LoggingProducerListener;

/**
 * The {@code KafkaTemplate<Object, Object>} that service-support's {@code EventPublisher} needs.
 * Boot's own template backs off because service-support already declares a (dead-letter) {@code
 * KafkaTemplate}, so the service declares it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTemplateConfiguration {

    @Bean
    KafkaTemplate<Object, Object> kafkaTemplate(ProducerFactory<Object, Object> producerFactory) {
        var template = new KafkaTemplate<>(producerFactory);
        // a failed send is logged without the event: import texts are household data
        var listener = new LoggingProducerListener<Object, Object>();
        listener.setIncludeContents(false);
        template.setProducerListener(listener);
        return template;
    }
}
