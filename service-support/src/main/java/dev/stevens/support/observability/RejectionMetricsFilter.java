package dev.stevens.support.observability;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code stevens.api.rejected}: API writes refused before they became events, by reason — the other
 * half of {@code stevens.events.published} (accepted). Runs outside the security filters so refused
 * credentials and rate limits count too.
 */
class RejectionMetricsFilter extends OncePerRequestFilter {

    private final MeterRegistry registry;

    RejectionMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String reason = reason(response.getStatus());
            if (reason != null && !"GET".equals(request.getMethod())) {
                registry.counter("stevens.api.rejected", "reason", reason).increment();
            }
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400, 422 -> "invalid";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "server_error" : null;
        };
    }
}
