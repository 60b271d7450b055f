package dev.stevens.briefing.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** A hand-set clock and a real HTTP server standing in for the Telegram Bot API. */
@TestConfiguration(proxyBeanMethods = false)
public class BriefingTestConfiguration {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean(destroyMethod = "stop")
    WireMockServer telegramStub() {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @Bean
    DynamicPropertyRegistrar telegramStubAddress(WireMockServer telegramStub) {
        return registry -> registry.add("stevens.telegram.base-url", telegramStub::baseUrl);
    }

    @Bean
    TestHouseholds testHouseholds(
            dev.stevens.support.kafka.EventPublisher publisher,
            dev.stevens.support.security.ApiTokenDirectory tokens) {
        return new TestHouseholds(publisher, tokens);
    }
}
