package dev.stevens.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format every service shares: String keys, JSON values without Java type headers.
 * Consumers read raw bytes and the listener's parameter type decides what the JSON becomes, so no
 * class name ever travels and a record that is not valid JSON fails in the listener (and is
 * dead-lettered) instead of in the poll loop.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(StevensKafkaProperties.class)
public class StevensKafkaConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer stevensProducerWireFormat(JsonMapper jsonMapper) {
        return anyFactory -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            DefaultKafkaProducerFactory factory = anyFactory;
            factory.updateConfigs(
                    Map.of(
                            ProducerConfig.ACKS_CONFIG,
                            "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                            true,
                            ProducerConfig.LINGER_MS_CONFIG,
                            5));
            factory.setKeySerializerSupplier(StringSerializer::new);
            factory.setValueSerializerSupplier(
                    () -> new JacksonJsonSerializer<>(jsonMapper).noTypeInfo());
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer stevensConsumerWireFormat() {
        return anyFactory -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            DefaultKafkaConsumerFactory factory = anyFactory;
            factory.updateConfigs(
                    Map.of(
                            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                            "earliest",
                            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                            false));
            factory.setKeyDeserializerSupplier(StringDeserializer::new);
            factory.setValueDeserializerSupplier(ByteArrayDeserializer::new);
        };
    }

    @Bean
    RecordMessageConverter stevensRecordMessageConverter(JsonMapper jsonMapper) {
        return new ByteArrayJacksonJsonMessageConverter(jsonMapper);
    }

    /**
     * Boot's template, declared here because the error handler's byte-array template below would
     * otherwise make Boot's back off. Failed sends are logged without the record: texts are
     * household data.
     */
    /**
     * Listener containers time themselves through the observation when it is on; the legacy timer
     * of the same name would make Prometheus drop one of the two (spring-kafka#4104). Boot applies
     * this to its own container factory; services with their own factory apply it too.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
            observationReplacesLegacyListenerTimers() {
        return container ->
                container
                        .getContainerProperties()
                        .setMicrometerEnabled(
                                !container.getContainerProperties().isObservationEnabled());
    }

    @Bean
    KafkaTemplate<Object, Object> kafkaTemplate(
            ProducerFactory<Object, Object> producerFactory, Environment environment) {
        var template = new KafkaTemplate<>(producerFactory);
        // Boot's property, honoured here because this template replaces Boot's: the trace context
        // travels from the HTTP request into the record headers (on by default, see
        // StevensDefaults)
        boolean observed =
                environment.getProperty(
                        "spring.kafka.template.observation-enabled", Boolean.class, false);
        template.setObservationEnabled(observed);
        // the observation's timer and the legacy one share a name with other tags, and Prometheus
        // keeps only the first (spring-kafka#4104): one of them, not both
        template.setMicrometerEnabled(!observed);
        var listener = new LoggingProducerListener<Object, Object>();
        listener.setIncludeContents(false);
        template.setProducerListener(listener);
        return template;
    }

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<Object, Object> kafkaTemplate, ObjectProvider<MeterRegistry> meters) {
        return new EventPublisher(kafkaTemplate, meters.getIfAvailable());
    }

    /** Dead letters are republished byte for byte, so they can be replayed unchanged. */
    @Bean
    CommonErrorHandler stevensErrorHandler(
            ProducerFactory<Object, Object> producerFactory,
            StevensKafkaProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        var bytes =
                new DefaultKafkaProducerFactory<>(
                        producerFactory.getConfigurationProperties(),
                        new StringSerializer(),
                        new ByteArraySerializer());
        return DeadLetters.errorHandler(
                new KafkaTemplate<>(bytes), properties, meters.getIfAvailable());
    }
}
