package dev.stevens.support.observability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The broker answers a cluster description within a short timeout, or the service is not ready: it
 * could neither accept (ingest) nor apply (memory, briefing) anything. One admin client is kept and
 * reused; it reconnects by itself after an outage.
 */
class KafkaBrokerHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Map<String, Object> config;
    private final Duration timeout;
    private volatile AdminClient client;

    KafkaBrokerHealthIndicator(KafkaAdmin admin, Duration timeout) {
        super("Kafka health check failed");
        this.config = Map.copyOf(admin.getConfigurationProperties());
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
        var cluster = client().describeCluster(options);
        String clusterId = cluster.clusterId().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
        int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
    }

    private AdminClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    var settings = new java.util.HashMap<>(config);
                    settings.put(
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
                    settings.put(
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                            (int) timeout.toMillis());
                    settings.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "stevens-health");
                    client = AdminClient.create(settings);
                }
            }
        }
        return client;
    }

    @Override
    public void destroy() {
        AdminClient current = client;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
    }
}
