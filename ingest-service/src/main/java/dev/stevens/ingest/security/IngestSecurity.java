package dev.stevens.ingest.security;

import dev.stevens.ingest.limits.RateLimitFilter;
import dev.stevens.ingest.limits.TokenBuckets;
import dev.stevens.support.security.ApiSecurity;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Every route needs a household bearer token except the health probes and the Telegram webhook
 * (which checks Telegram's secret header). Importing, also by email, needs the {@code
 * imports:write} scope; anything not listed here is refused. Each token is rate limited.
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurity {

    static final String IMPORTS_WRITE = "SCOPE_imports:write";

    @Bean
    SecurityFilterChain ingestApi(
            HttpSecurity http,
            ApiTokenDirectory directory,
            ProblemResponses problems,
            TokenBuckets rateLimits)
            throws Exception {
        return ApiSecurity.bearerTokens(http, directory, problems)
                .addFilterAfter(
                        new RateLimitFilter(rateLimits, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(
                        requests ->
                                requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                                        .permitAll()
                                        .requestMatchers("/actuator/health/**")
                                        .permitAll()
                                        // Telegram cannot send a bearer token; the webhook
                                        // checks Telegram's secret header itself
                                        .requestMatchers(HttpMethod.POST, "/telegram/webhook")
                                        .permitAll()
                                        .requestMatchers(
                                                HttpMethod.POST,
                                                "/api/v1/imports",
                                                "/api/v1/imports/batch",
                                                "/api/v1/email")
                                        .hasAuthority(IMPORTS_WRITE)
                                        .requestMatchers("/api/**")
                                        .authenticated()
                                        .anyRequest()
                                        .denyAll())
                .build();
    }

    /**
     * Nobody logs in with a password here. Declaring this makes Boot back off from creating its
     * default user with a generated password.
     */
    @Bean
    AuthenticationManager noPasswordLogins() {
        return authentication -> {
            throw new ProviderNotFoundException("ingest-service accepts bearer tokens only");
        };
    }
}
