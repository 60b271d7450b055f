package dev.stevens.testing;

import dev.stevens.infra.EmbeddedPostgresServer;
import dev.stevens.infra.KafkaKraftBroker;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one real Kafka broker and the one real PostgreSQL server of a test JVM, started on first use
 * and shared by every test in it. With a Docker engine they are Testcontainers (apache/kafka and
 * postgres:17); without one, an in-process KRaft broker and an embedded PostgreSQL. Tests do not
 * know which: they get connection details and a fresh database of their own.
 */
public final class RealInfrastructure {

    private static volatile RealInfrastructure shared;

    private final AtomicInteger databases = new AtomicInteger();
    private final KafkaKraftBroker embeddedBroker;
    private final EmbeddedPostgresServer embeddedPostgres;
    private final KafkaContainer kafkaContainer;
    private final PostgreSQLContainer postgresContainer;

    private RealInfrastructure(boolean docker) {
        if (docker) {
            embeddedBroker = null;
            embeddedPostgres = null;
            kafkaContainer = new KafkaContainer("apache/kafka:4.1.1");
            postgresContainer = new PostgreSQLContainer("postgres:17-alpine");
            kafkaContainer.start();
            postgresContainer.start();
        } else {
            kafkaContainer = null;
            postgresContainer = null;
            embeddedBroker = KafkaKraftBroker.temporary().start();
            embeddedPostgres = EmbeddedPostgresServer.temporary().start();
            // no PostgreSQL process may outlive the test JVM
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        embeddedBroker.stop();
                                        embeddedPostgres.stop();
                                    },
                                    "stop-test-infrastructure"));
        }
    }

    public static RealInfrastructure shared() {
        if (shared == null) {
            synchronized (RealInfrastructure.class) {
                if (shared == null) {
                    shared = new RealInfrastructure(dockerAvailable());
                }
            }
        }
        return shared;
    }

    static boolean dockerAvailable() {
        if (Boolean.getBoolean("stevens.tests.embedded")) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean usesContainers() {
        return kafkaContainer != null;
    }

    public String bootstrapServers() {
        return usesContainers()
                ? kafkaContainer.getBootstrapServers()
                : embeddedBroker.bootstrapServers();
    }

    /** The in-process broker, for fault tests that stop and restart it. */
    public Optional<KafkaKraftBroker> embeddedBroker() {
        return Optional.ofNullable(embeddedBroker);
    }

    /** The embedded database server, for fault tests that stop and restart it. */
    public Optional<EmbeddedPostgresServer> embeddedPostgres() {
        return Optional.ofNullable(embeddedPostgres);
    }

    /** A new, empty database on the shared server, so each Spring context migrates its own. */
    public Database newDatabase(String purpose) {
        String name =
                purpose.toLowerCase().replaceAll("[^a-z0-9]", "_")
                        + "_"
                        + databases.incrementAndGet();
        if (usesContainers()) {
            try (var connection =
                    DriverManager.getConnection(
                            postgresContainer.getJdbcUrl(),
                            postgresContainer.getUsername(),
                            postgresContainer.getPassword())) {
                connection.createStatement().execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create test database " + name, e);
            }
            String url =
                    postgresContainer
                            .getJdbcUrl()
                            .replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            return new Database(
                    url, postgresContainer.getUsername(), postgresContainer.getPassword());
        }
        embeddedPostgres.createDatabaseIfMissing(name);
        return new Database(
                embeddedPostgres.jdbcUrl(name),
                embeddedPostgres.username(),
                embeddedPostgres.password());
    }

    public record Database(String jdbcUrl, String username, String password) {}
}
