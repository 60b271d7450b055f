package dev.stevens.briefing.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A hand-set clock, a real HTTP server standing in for the Telegram Bot API (and webhook receivers)
 * and an in-memory SMTP server.
 */
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

    /** A real in-memory SMTP server for the email channel; {@code spring.mail.*} points at it. */
    @Bean(destroyMethod = "stop")
    com.icegreen.greenmail.util.GreenMail smtpServer() {
        var server =
                new com.icegreen.greenmail.util.GreenMail(
                        com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return server;
    }

    @Bean
    DynamicPropertyRegistrar smtpServerAddress(com.icegreen.greenmail.util.GreenMail smtpServer) {
        // spring.mail.host is a static test property: it decides whether Boot makes a mail sender
        return registry -> registry.add("spring.mail.port", () -> smtpServer.getSmtp().getPort());
    }

    @Bean
    TestHouseholds testHouseholds(
            dev.stevens.support.kafka.EventPublisher publisher,
            dev.stevens.support.security.ApiTokenDirectory tokens) {
        return new TestHouseholds(publisher, tokens);
    }
}
