package dev.stevens.briefing.api;

import dev.stevens.support.security.ApiSecurity;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Household bearer tokens for the API; only the health endpoints are public. */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String READ = "SCOPE_briefings:read";

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http, ApiTokenDirectory tokens, ProblemResponses problems)
            throws Exception {
        return ApiSecurity.bearerTokens(http, tokens, problems)
                .authorizeHttpRequests(
                        requests ->
                                requests.requestMatchers("/actuator/health", "/actuator/health/**")
                                        .permitAll()
                                        .requestMatchers(
                                                "/api/v1/briefings", "/api/v1/briefings/**")
                                        .hasAuthority(READ)
                                        .anyRequest()
                                        .authenticated())
                .build();
    }

    /** There are no password logins; this also keeps Boot from generating a default user. */
    @Bean
    AuthenticationManager noPasswordLogins() {
        return authentication -> {
            throw new BadCredentialsException("This service only accepts bearer tokens.");
        };
    }
}
