package dev.stevens.memory.households;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who log in to the dashboard. Also the application's {@link UserDetailsService}, which
 * keeps Spring Boot from inventing a user with a generated password.
 */
@Component
class DashboardUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;

    DashboardUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql(
                        "select username, password_hash, role from dashboard_users where username = :u")
                .param("u", username)
                .query(
                        (rs, n) ->
                                User.withUsername(rs.getString(1))
                                        .password(rs.getString(2))
                                        .authorities(
                                                List.of(
                                                        new SimpleGrantedAuthority(
                                                                "ROLE_" + rs.getString(3))))
                                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such dashboard user"));
    }

    /**
     * Makes {@code username} an owner of the household with this password.
     *
     * @return true if anything was created or changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean ensureOwner(UUID household, String username, String password) {
        Optional<String> hash =
                jdbc.sql(
                                """
                                select password_hash from dashboard_users
                                where username = :u and household_id = :h for update
                                """)
                        .param("u", username)
                        .param("h", household)
                        .query(String.class)
                        .optional();
        if (hash.isEmpty()) {
            jdbc.sql(
                            """
                            insert into dashboard_users (id, household_id, username, password_hash,
                                role)
                            values (:id, :h, :u, :hash, 'OWNER')
                            """)
                    .param("id", UUID.randomUUID())
                    .param("h", household)
                    .param("u", username)
                    .param("hash", passwordEncoder.encode(password))
                    .update();
            return true;
        }
        if (passwordEncoder.matches(password, hash.get())) {
            return false;
        }
        jdbc.sql("update dashboard_users set password_hash = :hash where username = :u")
                .param("hash", passwordEncoder.encode(password))
                .param("u", username)
                .update();
        return true;
    }
}
