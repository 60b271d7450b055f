package dev.stevens.memory.notebook;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * A batch listener container factory for the imports topic, configured like Boot's own (same
 * consumer factory, error handler, dead-lettering and container customizer), which the other
 * listeners keep using.
 */
@Configuration(proxyBeanMethods = false)
class NotebookKafkaConfiguration {

    static final String BATCH_FACTORY = "notebookBatchListenerFactory";

    @Bean(BATCH_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> notebookBatchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            ObjectProvider<
                            ContainerCustomizer<
                                    Object,
                                    Object,
                                    ConcurrentMessageListenerContainer<Object, Object>>>
                    customizers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        // Boot applies container customizers only to its own factory
        customizers.ifAvailable(factory::setContainerCustomizer);
        return factory;
    }
}
