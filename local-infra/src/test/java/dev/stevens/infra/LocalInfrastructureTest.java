package dev.stevens.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker and database are real servers, and their data survives a restart. */
class LocalInfrastructureTest {

    @Test
    void kafkaBrokerKeepsRecordsAcrossARestartOnTheSameDataDirectory(@TempDir Path dir)
            throws Exception {
        KafkaKraftBroker broker = new KafkaKraftBroker(dir, 0).start();
        try {
            try (Admin admin =
                    Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("survivors", 1, (short) 1))).all().get();
            }
            try (var producer =
                    new KafkaProducer<String, String>(
                            Map.of(
                                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    broker.bootstrapServers(),
                                    ProducerConfig.ACKS_CONFIG,
                                    "all"),
                            new StringSerializer(),
                            new StringSerializer())) {
                producer.send(new ProducerRecord<>("survivors", "k", "kept")).get();
            }
            broker.stop();
            broker.start();
            assertThat(readAll(broker.bootstrapServers(), "survivors")).containsExactly("kept");
        } finally {
            broker.close();
        }
    }

    @Test
    void postgresKeepsRowsAcrossARestartOnTheSameDataDirectory(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer pg = new EmbeddedPostgresServer(dir, 0).start();
        try {
            pg.createDatabaseIfMissing("notebook");
            try (var c = DriverManager.getConnection(pg.jdbcUrl("notebook"), "postgres", "")) {
                c.createStatement().execute("create table t(v text)");
                c.createStatement().execute("insert into t values ('kept')");
            }
            pg.stop();
            pg.start();
            pg.createDatabaseIfMissing("notebook");
            try (var c = DriverManager.getConnection(pg.jdbcUrl("notebook"), "postgres", "")) {
                var rows = c.createStatement().executeQuery("select v from t");
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
            }
        } finally {
            pg.close();
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false)
                            .map(r -> r.value())
                            .toList();
                }
            }
            return List.of();
        }
    }
}
