package dev.stevens.briefing.chat;

import dev.stevens.events.HouseholdSettingsChanged;
import dev.stevens.events.Topics;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Who may talk to the butler: chat's own copy of each household's allowed Telegram chats and
 * language, from the compacted {@code stevens.households.v1}. A separate consumer group, so the
 * households read model of the scheduler is not disturbed; newer versions win, replays are no-ops.
 */
@Component
class ChatHouseholds {

    record ChatHousehold(UUID id, Set<Long> allowedChats, String language) {}

    private final JdbcClient jdbc;

    ChatHouseholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @KafkaListener(
            id = "briefing-chat-households",
            idIsGroup = false,
            groupId = "${spring.kafka.consumer.group-id}-chat-households",
            topics = Topics.HOUSEHOLDS)
    void on(HouseholdSettingsChanged event) {
        if (event.household() == null || event.data() == null) {
            return; // the households listener dead-letters these; chat has nothing to keep
        }
        var settings = event.data();
        jdbc.sql(
                        """
                        insert into chat_households (household_id, allowed_chats, language, version)
                        values (?, ?, ?, ?)
                        on conflict (household_id) do update set
                            allowed_chats = excluded.allowed_chats,
                            language = excluded.language, version = excluded.version
                        where chat_households.version < excluded.version
                        """)
                .params(
                        event.household(),
                        settings.allowedTelegramChats().toArray(Long[]::new),
                        settings.language(),
                        settings.version())
                .update();
    }

    Optional<ChatHousehold> find(UUID household) {
        return jdbc.sql(
                        "select household_id, allowed_chats, language from chat_households"
                                + " where household_id = ?")
                .param(household)
                .query(
                        (rs, row) ->
                                new ChatHousehold(
                                        rs.getObject("household_id", UUID.class),
                                        chats(rs.getArray("allowed_chats")),
                                        rs.getString("language")))
                .optional();
    }

    private static Set<Long> chats(Array array) throws SQLException {
        return Set.copyOf(Arrays.asList((Long[]) array.getArray()));
    }
}
