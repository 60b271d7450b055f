package dev.stevens.memory.api;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.Topics;
import dev.stevens.support.kafka.EventPublisher;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Publishes a command keyed by household and returns only once the broker acknowledged it. */
@Component
class CommandPublisher {

    private final EventPublisher publisher;

    CommandPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    UUID publish(UUID household, MemoryCommandIssued.Data data) {
        var command =
                MemoryCommandIssued.of(
                        UUID.randomUUID(), "/memory-service/api", Instant.now(), household, data);
        try {
            publisher
                    .publish(Topics.MEMORY_COMMANDS, household.toString(), command)
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
        return command.id();
    }

    private static ErrorResponseException unavailable() {
        return new ErrorResponseException(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The change could not be queued; please try again."),
                null);
    }
}
