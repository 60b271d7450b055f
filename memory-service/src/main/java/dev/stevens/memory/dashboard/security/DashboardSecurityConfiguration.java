package dev.stevens.memory.dashboard.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The dashboard: form login with a session, CSRF tokens on every form, strict headers. Ordered
 * before the API's bearer-token chain, which keeps {@code /api/**} and {@code /actuator/**}. Owners
 * may do everything; members only read and change the notebook and read the chat.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    /** Scripts and styles only from this origin: an injected inline script never runs. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " object-src 'none'; base-uri 'self'; form-action 'self';"
                    + " frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain dashboardSecurity(
            HttpSecurity http, LoginThrottle throttle, JdbcClient jdbc) throws Exception {
        var success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");
        return http.securityMatcher(DashboardSecurityConfiguration::isDashboardRequest)
                .authorizeHttpRequests(
                        requests ->
                                requests.dispatcherTypeMatchers(
                                                DispatcherType.ERROR, DispatcherType.FORWARD)
                                        .permitAll()
                                        .requestMatchers(
                                                "/login",
                                                "/dashboard/**",
                                                "/webjars/**",
                                                "/favicon.ico")
                                        .permitAll()
                                        .requestMatchers(
                                                "/",
                                                "/notebook",
                                                "/memories",
                                                "/memories/**",
                                                "/chat")
                                        .hasAnyRole("OWNER", "MEMBER")
                                        .anyRequest()
                                        .hasRole("OWNER"))
                .formLogin(
                        form ->
                                form.loginPage("/login")
                                        .successHandler(
                                                (request, response, authentication) -> {
                                                    throttle.succeeded(
                                                            authentication.getName(),
                                                            request.getRemoteAddr());
                                                    success.onAuthenticationSuccess(
                                                            request, response, authentication);
                                                })
                                        .failureHandler(
                                                (request, response, exception) -> {
                                                    throttle.failed(
                                                            request.getParameter("username"),
                                                            request.getRemoteAddr());
                                                    response.sendRedirect("/login?error");
                                                })
                                        .permitAll())
                .addFilterBefore(
                        new LoginThrottleFilter(throttle),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new FreshAccountFilter(jdbc), AuthorizationFilter.class)
                .sessionManagement(
                        sessions ->
                                sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .logout(
                        logout ->
                                logout.logoutUrl("/logout")
                                        .logoutSuccessUrl("/login?logout")
                                        .invalidateHttpSession(true)
                                        .deleteCookies("JSESSIONID"))
                .headers(
                        headers ->
                                headers.contentSecurityPolicy(
                                                csp ->
                                                        csp.policyDirectives(
                                                                CONTENT_SECURITY_POLICY))
                                        .frameOptions(frame -> frame.deny())
                                        .referrerPolicy(
                                                referrer ->
                                                        referrer.policy(
                                                                ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /**
     * Everything except the token-protected API and actuator, which the API chain answers. A
     * request carrying a bearer token is a program, not a browser: the stateless API chain answers
     * it too (so a token never opens a dashboard page, and unknown paths stay 401/403 for it).
     */
    private static boolean isDashboardRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        boolean bearer =
                authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return !(bearer
                || path.equals("/api")
                || path.startsWith("/api/")
                || path.startsWith("/actuator"));
    }
}
