package dev.stevens.support.security;

import dev.stevens.support.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * The shared shape of a token-authenticated API: stateless, bearer tokens, problem+json 401/403.
 * CSRF protection is off for these routes because a bearer token is never sent by a browser on its
 * own; form-login routes (the dashboard) keep it on.
 */
public final class ApiSecurity {

    private ApiSecurity() {}

    public static HttpSecurity bearerTokens(
            HttpSecurity http, ApiTokenDirectory directory, ProblemResponses problems) {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(
                        session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .addFilterBefore(
                        new BearerTokenFilter(directory, problems), BasicAuthenticationFilter.class)
                .exceptionHandling(
                        errors ->
                                errors.authenticationEntryPoint(
                                                (request, response, e) -> {
                                                    response.setHeader(
                                                            HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                                                    problems.write(
                                                            request,
                                                            response,
                                                            HttpStatus.UNAUTHORIZED,
                                                            "This endpoint needs a household"
                                                                    + " API token.");
                                                })
                                        .accessDeniedHandler(
                                                (request, response, e) ->
                                                        problems.write(
                                                                request,
                                                                response,
                                                                HttpStatus.FORBIDDEN,
                                                                "The token lacks the scope this"
                                                                        + " endpoint needs.")));
    }
}
