package dev.stevens.memory.dashboard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers the role its user had at login; the account row is the truth. Each request
 * re-reads it: a changed role replaces the session's authority at once (a demoted owner loses every
 * owner page on the next click), and a removed account is logged out.
 */
class FreshAccountFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;
    private final HttpSessionSecurityContextRepository sessions =
            new HttpSessionSecurityContextRepository();

    FreshAccountFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current instanceof UsernamePasswordAuthenticationToken && current.isAuthenticated()) {
            Optional<String> role =
                    jdbc.sql("select role from dashboard_users where username = :username")
                            .param("username", current.getName())
                            .query(String.class)
                            .optional();
            if (role.isEmpty()) {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect("/login?expired");
                return;
            }
            String authority = "ROLE_" + role.get();
            boolean unchanged =
                    current.getAuthorities().size() == 1
                            && current.getAuthorities()
                                    .iterator()
                                    .next()
                                    .getAuthority()
                                    .equals(authority);
            if (!unchanged) {
                var fresh =
                        UsernamePasswordAuthenticationToken.authenticated(
                                current.getPrincipal(),
                                null,
                                List.of(new SimpleGrantedAuthority(authority)));
                fresh.setDetails(current.getDetails());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(fresh);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
