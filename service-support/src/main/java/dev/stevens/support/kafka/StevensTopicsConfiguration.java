package dev.stevens.support.kafka;

import dev.stevens.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every service declares every Stevens topic and its dead-letter topic; creation is idempotent, so
 * whichever service starts first creates them.
 */
@AutoConfiguration
@EnableConfigurationProperties(StevensKafkaProperties.class)
public class StevensTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics stevensTopics(StevensKafkaProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name :
                List.of(
                        Topics.IMPORTS,
                        Topics.CHAT,
                        Topics.MEMORIES,
                        Topics.HOUSEHOLDS,
                        Topics.MEMORY_COMMANDS,
                        Topics.IMPORTER_RUNS,
                        Topics.BRIEFS,
                        Topics.BRIEF_REQUESTS,
                        Topics.BRIEF_ANSWERS)) {
            TopicBuilder topic =
                    TopicBuilder.name(name)
                            .partitions(properties.partitions())
                            .replicas(properties.replicas());
            if (Topics.isCompacted(name)) {
                // state topics: the latest record per key is the truth and must be rebuildable
                topic.compact().config(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "60000");
            }
            topics.add(topic.build());
            topics.add(
                    TopicBuilder.name(Topics.deadLetterOf(name))
                            .partitions(properties.partitions())
                            .replicas(properties.replicas())
                            .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
