package dev.stevens.briefing.chat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a conversation remembers between messages: the numbered items last shown and a {@code
 * /forget} awaiting confirmation.
 */
@Component
class ChatState {

    record Pending(UUID memoryId, String text) {}

    private final JdbcClient jdbc;

    ChatState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void rememberList(UUID household, String conversation, List<UUID> items) {
        jdbc.sql("delete from chat_last_lists where household_id = ? and conversation = ?")
                .params(household, conversation)
                .update();
        for (int i = 0; i < items.size(); i++) {
            jdbc.sql(
                            "insert into chat_last_lists (household_id, conversation, position,"
                                    + " memory_id) values (?, ?, ?, ?)")
                    .params(household, conversation, i + 1, items.get(i))
                    .update();
        }
    }

    Optional<UUID> listed(UUID household, String conversation, int position) {
        return jdbc.sql(
                        "select memory_id from chat_last_lists where household_id = ? and"
                                + " conversation = ? and position = ?")
                .params(household, conversation, position)
                .query(UUID.class)
                .optional();
    }

    void ask(UUID household, String conversation, Pending pending, Instant now) {
        jdbc.sql(
                        """
                        insert into chat_confirmations (household_id, conversation, memory_id,
                            memory_text, asked_at) values (?, ?, ?, ?, ?)
                        on conflict (household_id, conversation) do update set
                            memory_id = excluded.memory_id, memory_text = excluded.memory_text,
                            asked_at = excluded.asked_at
                        """)
                .params(
                        household,
                        conversation,
                        pending.memoryId(),
                        pending.text(),
                        Timestamp.from(now))
                .update();
    }

    /** The pending question, removed: it is answered either way. */
    Optional<Pending> answer(UUID household, String conversation) {
        return jdbc.sql(
                        """
                        delete from chat_confirmations where household_id = ? and conversation = ?
                        returning memory_id, memory_text
                        """)
                .params(household, conversation)
                .query(
                        (rs, row) ->
                                new Pending(
                                        rs.getObject("memory_id", UUID.class),
                                        rs.getString("memory_text")))
                .optional();
    }
}
