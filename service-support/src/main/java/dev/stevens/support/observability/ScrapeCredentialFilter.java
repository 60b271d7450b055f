package dev.stevens.support.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic with the deployment-wide scrape credential ({@code stevens.metrics.username} / {@code
 * stevens.metrics.password}, the latter from {@code STEVENS_METRICS_PASSWORD}). Metrics span every
 * household, so no household token may read them. Without a configured password nobody can.
 */
class ScrapeCredentialFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "SCOPE_metrics:read";

    private final byte[] expected;

    ScrapeCredentialFilter(String username, String password) {
        this.expected =
                password == null || password.isBlank()
                        ? null
                        : (username + ":" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (expected != null && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            byte[] given;
            try {
                given = Base64.getDecoder().decode(header.substring(6).trim());
            } catch (IllegalArgumentException e) {
                given = new byte[0];
            }
            if (MessageDigest.isEqual(expected, given)) {
                var authentication =
                        UsernamePasswordAuthenticationToken.authenticated(
                                "metrics-scraper",
                                null,
                                List.of(new SimpleGrantedAuthority(AUTHORITY)));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
