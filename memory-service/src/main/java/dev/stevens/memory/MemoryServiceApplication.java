package dev.stevens.memory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Owns the notebook: households, memories and their history, and the changelog topics. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@PropertySource("classpath:memory-service.properties")
public class MemoryServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemoryServiceApplication.class, args);
    }
}
