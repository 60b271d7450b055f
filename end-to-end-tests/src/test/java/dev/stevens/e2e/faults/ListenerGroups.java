package dev.stevens.e2e.faults;

import dev.stevens.launcher.StevensServices;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The consumer groups the running services' listener containers actually use, by topic: checks that
 * {@link ValidFollowers#GROUPS} still names every group (a new listener would be missed).
 */
final class ListenerGroups {

    private ListenerGroups() {}

    static Map<String, Set<String>> running(StevensServices stevens) {
        Map<String, Set<String>> groups = new HashMap<>();
        for (var context : java.util.List.of(stevens.memoryContext(), stevens.briefingContext())) {
            for (var container :
                    context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers()) {
                String[] topics = container.getContainerProperties().getTopics();
                if (topics == null) {
                    continue;
                }
                Arrays.stream(topics)
                        .forEach(
                                topic ->
                                        groups.computeIfAbsent(topic, t -> new TreeSet<>())
                                                .add(container.getGroupId()));
            }
        }
        return groups;
    }
}
