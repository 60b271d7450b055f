package dev.stevens.briefing.households;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the local copy of the households. */
@Component
public class HouseholdDirectory {

    private final JdbcClient jdbc;

    HouseholdDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Household> all() {
        return jdbc.sql(
                        "select id, name, time_zone, brief_time, form_of_address from households"
                                + " order by id")
                .query(HouseholdDirectory::household)
                .list();
    }

    public Optional<Household> find(UUID household) {
        return jdbc.sql(
                        "select id, name, time_zone, brief_time, form_of_address from households"
                                + " where id = ?")
                .param(household)
                .query(HouseholdDirectory::household)
                .optional();
    }

    public List<Recipient> recipients(UUID household) {
        return jdbc.sql(
                        "select channel, address, name, skip_empty_brief, quiet_start, quiet_end"
                                + " from household_recipients"
                                + " where household_id = ? order by channel, address")
                .param(household)
                .query(
                        (rs, row) ->
                                new Recipient(
                                        rs.getString("channel"),
                                        rs.getString("address"),
                                        rs.getString("name"),
                                        rs.getBoolean("skip_empty_brief"),
                                        rs.getObject("quiet_start", LocalTime.class),
                                        rs.getObject("quiet_end", LocalTime.class)))
                .list();
    }

    /** Who may talk to the butler in this household, and in which language it answers. */
    public Optional<ChatAccess> chatAccess(UUID household) {
        return jdbc.sql("select id, allowed_chats, language from households where id = ?")
                .param(household)
                .query(
                        (rs, row) ->
                                new ChatAccess(
                                        rs.getObject("id", UUID.class),
                                        Set.copyOf(
                                                Arrays.asList(
                                                        (Long[])
                                                                rs.getArray("allowed_chats")
                                                                        .getArray())),
                                        rs.getString("language")))
                .optional();
    }

    private static Household household(ResultSet rs, int row) throws SQLException {
        return new Household(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getObject("brief_time", LocalTime.class),
                rs.getString("form_of_address"));
    }
}
