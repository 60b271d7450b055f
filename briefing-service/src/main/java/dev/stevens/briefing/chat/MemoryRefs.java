package dev.stevens.briefing.chat;

import dev.stevens.briefing.notebook.NotebookEntry;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the memory a person means: a number from the last list, or the start of its id (at least
 * four characters, usually the eight the butler shows).
 */
@Component
class MemoryRefs {

    sealed interface Found {}

    record One(NotebookEntry memory) implements Found {}

    record None() implements Found {}

    record Ambiguous(int count) implements Found {}

    private final JdbcClient jdbc;
    private final ChatState state;

    MemoryRefs(JdbcClient jdbc, ChatState state) {
        this.jdbc = jdbc;
        this.state = state;
    }

    static String shortRef(UUID id) {
        return id.toString().substring(0, 8);
    }

    Found find(UUID household, String conversation, String ref) {
        String r = ref.strip().toLowerCase(Locale.ROOT);
        if (r.matches("\\d{1,3}")) {
            return state.listed(household, conversation, Integer.parseInt(r))
                    .map(id -> one(lookup(household, id.toString())))
                    .orElse(new None());
        }
        if (!r.matches("[0-9a-f-]{4,36}")) {
            return new None();
        }
        return one(lookup(household, r));
    }

    private static Found one(List<NotebookEntry> matches) {
        return switch (matches.size()) {
            case 0 -> new None();
            case 1 -> new One(matches.get(0));
            default -> new Ambiguous(matches.size());
        };
    }

    private List<NotebookEntry> lookup(UUID household, String prefix) {
        return jdbc.sql(
                        """
                        select id, source, memory_date, text, tags, version from memories
                        where household_id = ? and not deleted and cast(id as text) like ?
                        order by id limit 5
                        """)
                .params(household, prefix + "%")
                .query(
                        (rs, row) ->
                                new NotebookEntry(
                                        rs.getObject("id", UUID.class),
                                        rs.getString("source"),
                                        rs.getObject("memory_date", java.time.LocalDate.class),
                                        rs.getString("text"),
                                        List.of((String[]) rs.getArray("tags").getArray()),
                                        rs.getLong("version"),
                                        null))
                .list();
    }
}
