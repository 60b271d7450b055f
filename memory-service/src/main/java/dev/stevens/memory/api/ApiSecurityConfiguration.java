package dev.stevens.memory.api;

import dev.stevens.support.security.ApiSecurity;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Health is public; the memories and tokens APIs need a household token with the right scope; every
 * other route is refused until the feature behind it exists (the dashboard gets its own chain).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

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
                                                HttpMethod.GET,
                                                "/api/v1/memories",
                                                "/api/v1/memories/*")
                                        .hasAuthority("SCOPE_memories:read")
                                        .requestMatchers(
                                                HttpMethod.POST,
                                                "/api/v1/memories",
                                                "/api/v1/memories/*/restore")
                                        .hasAuthority("SCOPE_memories:write")
                                        .requestMatchers(HttpMethod.PATCH, "/api/v1/memories/*")
                                        .hasAuthority("SCOPE_memories:write")
                                        .requestMatchers(HttpMethod.DELETE, "/api/v1/memories/*")
                                        .hasAuthority("SCOPE_memories:write")
                                        .requestMatchers("/api/v1/tokens", "/api/v1/tokens/*")
                                        .hasAuthority("SCOPE_tokens:admin")
                                        .anyRequest()
                                        .denyAll())
                .build();
    }
}
