package dev.stevens.briefing.chat;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.MemoryCommandIssued.Action;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the notebook asked for in chat. Briefing never writes the notebook: it issues a {@link
 * MemoryCommandIssued} for memory-service and keeps an audit row per command, in the same
 * transaction as the acknowledged publication. Ids derive from the chat message, so a redelivered
 * message issues the very same command again (memory-service applies it once).
 */
@Component
class MemoryCommands {

    /** An audited command: what it did to which memory, and whether it was undone. */
    record Issued(UUID id, Action action, UUID memoryId, String text, LocalDate date) {}

    private final EventPublisher publisher;
    private final JdbcClient jdbc;
    private final Clock clock;

    MemoryCommands(EventPublisher publisher, JdbcClient jdbc, Clock clock) {
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Request(
            UUID household,
            String conversation,
            String author,
            UUID causedBy,
            Action action,
            UUID memoryId,
            String text,
            LocalDate date) {}

    @Transactional
    Issued issue(Request request, UUID undoes) {
        UUID id = derived(request.causedBy(), "command");
        String actor = "telegram:" + (request.author() == null ? "unknown" : request.author());
        jdbc.sql(
                        """
                        insert into chat_commands (id, household_id, conversation, actor, action,
                            memory_id, text, memory_date, caused_by, undoes, issued_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                .params(
                        id,
                        request.household(),
                        request.conversation(),
                        actor,
                        request.action().name(),
                        request.memoryId(),
                        request.text(),
                        request.date(),
                        request.causedBy(),
                        undoes,
                        Timestamp.from(clock.instant()))
                .update();
        if (undoes != null) {
            jdbc.sql("update chat_commands set undone_by = ? where id = ? and household_id = ?")
                    .params(id, undoes, request.household())
                    .update();
        }
        var data =
                new MemoryCommandIssued.Data(
                        request.action(),
                        request.memoryId(),
                        request.text(),
                        request.date(),
                        List.of(),
                        actor,
                        null);
        await(
                publisher.publish(
                        Topics.MEMORY_COMMANDS,
                        request.household().toString(),
                        MemoryCommandIssued.of(
                                id,
                                "/briefing-service",
                                clock.instant(),
                                request.household(),
                                data)));
        return new Issued(id, request.action(), request.memoryId(), request.text(), request.date());
    }

    /** The household's newest chat-made change that is neither an undo nor undone yet. */
    Optional<Issued> lastUndoable(UUID household) {
        return jdbc.sql(
                        """
                        select id, action, memory_id, text, memory_date from chat_commands
                        where household_id = ? and undoes is null and undone_by is null
                        order by seq desc limit 1
                        """)
                .param(household)
                .query(
                        (rs, row) ->
                                new Issued(
                                        rs.getObject("id", UUID.class),
                                        Action.valueOf(rs.getString("action")),
                                        rs.getObject("memory_id", UUID.class),
                                        rs.getString("text"),
                                        rs.getObject("memory_date", LocalDate.class)))
                .optional();
    }

    static UUID derived(UUID message, String purpose) {
        return UUID.nameUUIDFromBytes((message + ":" + purpose).getBytes());
    }

    private static void await(java.util.concurrent.CompletableFuture<?> sent) {
        try {
            sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a memory command", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("memory command not acknowledged by Kafka", e);
        }
    }
}
