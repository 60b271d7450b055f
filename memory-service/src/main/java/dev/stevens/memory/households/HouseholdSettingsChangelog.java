package dev.stevens.memory.households;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.HouseholdSettingsChanged.ApiToken;
import dev.stevens.events.HouseholdSettingsChanged.Settings;
import dev.stevens.events.Topics;
import dev.stevens.memory.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bumps a household's version and writes its full settings to the outbox. Called once at the end of
 * every transaction that changed a household, its tokens or its channels.
 */
@Component
public class HouseholdSettingsChangelog {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final HouseholdChannels channels;

    HouseholdSettingsChangelog(JdbcClient jdbc, Outbox outbox, HouseholdChannels channels) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.channels = channels;
    }

    /** The one place that publishes a household's settings, whoever changed them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChange(UUID household) {
        var extra = channels.of(household);
        Settings settings =
                jdbc.sql(
                                """
                                update households set version = version + 1, updated_at = :now
                                where id = :id
                                returning name, time_zone, brief_time, form_of_address, version
                                """)
                        .param("id", household)
                        .param("now", Households.now())
                        .query(
                                (rs, n) ->
                                        new Settings(
                                                rs.getString("name"),
                                                rs.getString("time_zone"),
                                                rs.getObject("brief_time", LocalTime.class),
                                                rs.getString("form_of_address"),
                                                extra.recipients(),
                                                extra.allowedTelegramChats(),
                                                tokens(household),
                                                rs.getLong("version"),
                                                extra.language(),
                                                extra.importers(),
                                                null))
                        .single();
        // deterministic id: the same household version is the same event
        UUID eventId =
                UUID.nameUUIDFromBytes(
                        ("household-settings:" + household + ":" + settings.version())
                                .getBytes(StandardCharsets.UTF_8));
        outbox.append(
                Topics.HOUSEHOLDS,
                household.toString(),
                HouseholdSettingsChanged.of(eventId, Instant.now(), household, settings));
    }

    private List<ApiToken> tokens(UUID household) {
        return jdbc.sql(
                        """
                        select token_sha256, scopes from api_tokens
                        where household_id = :household and revoked_at is null
                        order by created_at, token_sha256
                        """)
                .param("household", household)
                .query((rs, n) -> new ApiToken(rs.getString(1), strings(rs.getArray(2))))
                .list();
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
