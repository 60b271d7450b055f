package dev.stevens.memory.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stevens.memory.MemoryServiceTest;
import dev.stevens.memory.households.Households;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The notebook page without JavaScript: its sections and what each one shows. */
@MemoryServiceTest
class NotebookPageTest {

    @Autowired Households households;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;
    @LocalServerPort int port;

    DashboardFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new DashboardFixture(households, jdbc, passwords);
    }

    @Test
    void deletedMemoriesHaveTheirOwnSectionOnlyWhenAskedFor() {
        var member = fixture.household("MEMBER");
        fixture.memory(member.household(), "Water the ferns", LocalDate.now());
        UUID gone = fixture.memory(member.household(), "Cancelled piano lesson", LocalDate.now());
        jdbc.sql("update memories set deleted = true where id = :id").param("id", gone).update();
        var client = new DashboardClient(port);
        client.login(member.username(), DashboardFixture.PASSWORD);

        String plain = client.get("/notebook").body();
        assertThat(plain).contains("Water the ferns").doesNotContain("Cancelled piano lesson");
        assertThat(plain).doesNotContain(">Deleted<");

        String withDeleted = client.get("/notebook?showDeleted=true").body();
        assertThat(withDeleted).contains(">Deleted<").contains("Cancelled piano lesson");
    }
}
