package dev.stevens.testing;

import java.util.List;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points a Spring context at the {@link RealInfrastructure}: the shared broker and a database of
 * its own. Import it (or use {@link IntegrationTest}) and the same test runs on Testcontainers or
 * on the embedded servers.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RealInfrastructureConfiguration {

    @Bean
    KafkaConnectionDetails realKafka() {
        String bootstrap = RealInfrastructure.shared().bootstrapServers();
        return () -> List.of(bootstrap);
    }

    @Bean
    JdbcConnectionDetails realPostgres() {
        RealInfrastructure.Database database = RealInfrastructure.shared().newDatabase("test");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return database.password();
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }

            @Override
            public String getDriverClassName() {
                return DatabaseDriver.POSTGRESQL.getDriverClassName();
            }
        };
    }
}
