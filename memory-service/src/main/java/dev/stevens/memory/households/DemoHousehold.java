package dev.stevens.memory.households;

import dev.stevens.support.security.ApiTokens;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the database match the {@code stevens.demo.*} settings at startup: the demo household, its
 * owner {@code demo} and its API token. Running it again with the same settings changes nothing;
 * any difference is applied and published as one new settings version.
 */
@Component
@ConditionalOnBooleanProperty("stevens.demo.enabled")
class DemoHousehold implements ApplicationRunner {

    static final String OWNER = "demo";
    static final String TOKEN_LABEL = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoHousehold.class);

    private final DemoProperties demo;
    private final Households households;
    private final DashboardUsers users;
    private final HouseholdSettingsChangelog changelog;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoHousehold(
            DemoProperties demo,
            Households households,
            DashboardUsers users,
            HouseholdSettingsChangelog changelog,
            JdbcClient jdbc,
            TransactionTemplate transactions) {
        if (isBlank(demo.token()) || isBlank(demo.password())) {
            throw new IllegalStateException(
                    "stevens.demo.enabled=true needs stevens.demo.token (STEVENS_DEMO_TOKEN) and"
                            + " stevens.demo.password (STEVENS_DEMO_PASSWORD) to be set");
        }
        this.demo = demo;
        this.households = households;
        this.users = users;
        this.changelog = changelog;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> ensure());
    }

    private void ensure() {
        UUID id = demo.householdId();
        boolean changed = ensureHousehold(id);
        changed |= users.ensureOwner(id, OWNER, demo.password());
        changed |= new DemoToken(jdbc, households).ensure(id, ApiTokens.sha256Hex(demo.token()));
        if (changed) {
            changelog.recordChange(id);
            log.info("Demo household {} is set up (owner login: {})", id, OWNER);
        } else {
            log.info("Demo household {} is up to date", id);
        }
    }

    private boolean ensureHousehold(UUID id) {
        var wanted =
                new NewHousehold(
                        "Demo household",
                        demo.timeZone(),
                        demo.briefTime(),
                        demo.formOfAddress(),
                        demo.telegramChatId());
        Optional<Integer> existing =
                jdbc.sql("select 1 from households where id = :id for update")
                        .param("id", id)
                        .query(Integer.class)
                        .optional();
        if (existing.isEmpty()) {
            households.insert(id, wanted);
            return true;
        }
        return jdbc.sql(
                                """
                                update households set time_zone = :zone, brief_time = :briefTime,
                                    form_of_address = :address, telegram_chat_id = :chat
                                where id = :id and (time_zone, brief_time, form_of_address,
                                    coalesce(telegram_chat_id, 0))
                                    is distinct from (:zone, :briefTime, :address,
                                    coalesce(cast(:chat as bigint), 0))
                                """)
                        .param("id", id)
                        .param("zone", wanted.timeZone().getId())
                        .param("briefTime", wanted.briefTime())
                        .param("address", wanted.formOfAddress())
                        .param("chat", wanted.telegramChatId())
                        .update()
                > 0;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
