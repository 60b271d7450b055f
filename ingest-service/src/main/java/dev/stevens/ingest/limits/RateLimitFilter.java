package dev.stevens.ingest.limits;

import dev.stevens.support.security.ApiTokens;
import dev.stevens.support.security.HouseholdCaller;
import dev.stevens.support.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a token's requests beyond its rate with 429 problem+json and {@code Retry-After}. Runs in
 * the security chain after the bearer token was authenticated, so unknown tokens never get a
 * bucket. Deliberately not a bean: Boot would register it a second time as a plain servlet filter.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final TokenBuckets buckets;
    private final ProblemResponses problems;

    public RateLimitFilter(TokenBuckets buckets, ProblemResponses problems) {
        this.buckets = buckets;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authentication == null
                || !(authentication.getPrincipal() instanceof HouseholdCaller)
                || header == null
                || header.length() <= PREFIX.length()) {
            chain.doFilter(request, response);
            return;
        }
        String tokenHash = ApiTokens.sha256Hex(header.substring(PREFIX.length()).trim());
        long waitNanos = buckets.tryTake(tokenHash);
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos - 1) + 1);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "This token sent more requests than its rate limit allows; retry after "
                            + seconds
                            + " s.");
            return;
        }
        chain.doFilter(request, response);
    }
}
