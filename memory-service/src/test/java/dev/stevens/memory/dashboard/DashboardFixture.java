package dev.stevens.memory.dashboard;

import dev.stevens.memory.households.Households;
import dev.stevens.memory.households.NewHousehold;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Fresh households, accounts and memories for dashboard tests, written straight to the tables. */
record DashboardFixture(Households households, JdbcClient jdbc, PasswordEncoder passwords) {

    static final String PASSWORD = "correct horse battery staple";

    record Account(UUID household, String username) {}

    Account household(String role) {
        UUID household = households.create(NewHousehold.named("Dashboard " + UUID.randomUUID()));
        return account(household, role);
    }

    Account account(UUID household, String role) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.sql(
                        "insert into dashboard_users (id, household_id, username, password_hash, role)"
                                + " values (:id, :h, :u, :p, :r)")
                .param("id", UUID.randomUUID())
                .param("h", household)
                .param("u", username)
                .param("p", passwords.encode(PASSWORD))
                .param("r", role)
                .update();
        return new Account(household, username);
    }

    UUID memory(UUID household, String text, LocalDate date) {
        UUID id = UUID.randomUUID();
        var now = Instant.now().atOffset(ZoneOffset.UTC);
        jdbc.sql(
                        """
                        insert into memories (id, household_id, source, memory_date, text, tags,
                            version, created_at, updated_at, last_event_id, last_actor)
                        values (:id, :h, 'dashboard', :d, :t, :tags, 1, :now, :now, :e, 'test')
                        """)
                .param("id", id)
                .param("h", household)
                .param("d", date)
                .param("t", text)
                .param("tags", List.of("test").toArray(String[]::new))
                .param("now", now)
                .param("e", UUID.randomUUID())
                .update();
        return id;
    }
}
