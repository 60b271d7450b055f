package dev.stevens.memory.dashboard;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Publishes the dashboard's notebook changes as {@code MemoryCommandIssued}, keyed by household,
 * and returns once the broker has them; the notebook's own consumer applies them.
 */
@Component
public class DashboardCommands {

    private final EventPublisher publisher;

    DashboardCommands(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public UUID publish(Viewer viewer, MemoryCommandIssued.Data data) {
        var command =
                MemoryCommandIssued.of(
                        UUID.randomUUID(),
                        "/memory-service/dashboard",
                        Instant.now(),
                        viewer.household(),
                        data);
        try {
            publisher
                    .publish(Topics.MEMORY_COMMANDS, viewer.household().toString(), command)
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (Exception e) {
            throw unavailable(e);
        }
        return command.id();
    }

    private static ResponseStatusException unavailable(Exception cause) {
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The change could not be queued; please try again.",
                cause);
    }
}
