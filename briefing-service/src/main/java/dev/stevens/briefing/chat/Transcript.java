package dev.stevens.briefing.chat;

import dev.stevens.events.ChatMessagePosted;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The conversation as briefing keeps it: every message once, by event id. */
@Component
class Transcript {

    record Line(String author, boolean fromButler, String text, Instant postedAt) {}

    private final JdbcClient jdbc;

    Transcript(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when the message was already there (a redelivery). */
    boolean add(ChatMessagePosted event) {
        var message = event.data();
        return jdbc.sql(
                                """
                                insert into chat_messages (id, household_id, channel, conversation,
                                    author, from_butler, text, posted_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                                """)
                        .params(
                                event.id(),
                                event.household(),
                                message.channel(),
                                message.conversation(),
                                message.author(),
                                message.fromButler(),
                                message.text() == null ? "" : message.text(),
                                Timestamp.from(event.time() == null ? Instant.now() : event.time()))
                        .update()
                == 1;
    }

    /** The newest {@code limit} messages of a conversation, oldest first. */
    List<Line> newest(UUID household, String conversation, int limit) {
        List<Line> lines =
                new ArrayList<>(
                        jdbc.sql(
                                        """
                                        select author, from_butler, text, posted_at
                                        from chat_messages
                                        where household_id = ? and conversation = ?
                                        order by seq desc limit ?
                                        """)
                                .params(household, conversation, limit)
                                .query(
                                        (rs, row) ->
                                                new Line(
                                                        rs.getString("author"),
                                                        rs.getBoolean("from_butler"),
                                                        rs.getString("text"),
                                                        rs.getTimestamp("posted_at").toInstant()))
                                .list());
        Collections.reverse(lines);
        return lines;
    }
}
