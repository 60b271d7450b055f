package dev.stevens.support.observability;

import dev.stevens.support.security.ApiSecurity;
import dev.stevens.support.security.ApiTokenDirectory;
import dev.stevens.support.web.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two chains every service gets ahead of its own: metrics and the rest of the actuator (except
 * health, which the service's chain keeps public) need the scrape credential; the OpenAPI document
 * needs any valid household token (it describes the API, not a household's data).
 */
final class ObservabilitySecurity {

    /** Before the services' chains (the dashboard's is {@code @Order(1)}). */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private ObservabilitySecurity() {}

    static SecurityFilterChain metrics(
            HttpSecurity http, ObservabilityProperties properties, ProblemResponses problems)
            throws Exception {
        return http.securityMatcher(
                        "/actuator/prometheus", "/actuator/metrics/**", "/actuator/info")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(
                        session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(
                        new ScrapeCredentialFilter(
                                properties.metrics().username(), properties.metrics().password()),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(
                        errors ->
                                errors.authenticationEntryPoint(
                                                (request, response, e) -> {
                                                    response.setHeader(
                                                            HttpHeaders.WWW_AUTHENTICATE,
                                                            "Basic realm=\"stevens-metrics\"");
                                                    problems.write(
                                                            request,
                                                            response,
                                                            HttpStatus.UNAUTHORIZED,
                                                            "Metrics need the scrape"
                                                                    + " credential.");
                                                })
                                        .accessDeniedHandler(
                                                (request, response, e) ->
                                                        problems.write(
                                                                request,
                                                                response,
                                                                HttpStatus.FORBIDDEN,
                                                                "Metrics need the scrape"
                                                                        + " credential.")))
                .authorizeHttpRequests(
                        requests ->
                                requests.anyRequest()
                                        .hasAuthority(ScrapeCredentialFilter.AUTHORITY))
                .build();
    }

    static SecurityFilterChain apiDocs(
            HttpSecurity http, ApiTokenDirectory tokens, ProblemResponses problems)
            throws Exception {
        return ApiSecurity.bearerTokens(
                        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**"), tokens, problems)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }
}
