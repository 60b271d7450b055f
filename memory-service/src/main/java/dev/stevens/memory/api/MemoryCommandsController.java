package dev.stevens.memory.api;

import dev.stevens.events.MemoryCommandIssued;
import dev.stevens.events.MemoryCommandIssued.Action;
import dev.stevens.support.security.HouseholdCaller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dashboard create/edit/delete/restore. Each request becomes a {@code MemoryCommandIssued} on
 * {@code stevens.memory-commands.v1} and is answered 202 once the broker has it; the notebook
 * applies it asynchronously through the same path as chat commands (a stale {@code expectedVersion}
 * is then dead-lettered, visible as an unchanged memory).
 */
@RestController
@RequestMapping("/api/v1/memories")
class MemoryCommandsController {

    static final String ACTOR = "dashboard:api";

    private final CommandPublisher commands;
    private final MemoryQueries queries;

    MemoryCommandsController(CommandPublisher commands, MemoryQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record NewMemory(
            @NotBlank(message = "must not be blank")
                    @Size(max = 4000, message = "must be at most 4000 characters")
                    String text,
            LocalDate date,
            @Size(max = 20, message = "must have at most 20 tags")
                    List<
                                    @NotBlank(message = "must not be blank")
                                    @Size(max = 100, message = "must be at most 100 characters")
                                    String>
                            tags) {}

    record MemoryEdit(
            @Size(min = 1, max = 4000, message = "must be 1 to 4000 characters")
                    @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
                    String text,
            LocalDate date,
            @Size(max = 20, message = "must have at most 20 tags")
                    List<
                                    @NotBlank(message = "must not be blank")
                                    @Size(max = 100, message = "must be at most 100 characters")
                                    String>
                            tags,
            @Min(value = 1, message = "must be at least 1") Long expectedVersion) {}

    record Accepted(UUID commandId, UUID memoryId, String action) {}

    @PostMapping
    ResponseEntity<Accepted> create(
            @AuthenticationPrincipal HouseholdCaller caller, @Valid @RequestBody NewMemory body) {
        UUID memory = UUID.randomUUID();
        return send(
                caller,
                new MemoryCommandIssued.Data(
                        Action.CREATE, memory, body.text(), body.date(), body.tags(), ACTOR, null));
    }

    @PatchMapping("/{id}")
    ResponseEntity<Accepted> edit(
            @AuthenticationPrincipal HouseholdCaller caller,
            @PathVariable UUID id,
            @Valid @RequestBody MemoryEdit body) {
        mustExist(caller, id);
        return send(
                caller,
                new MemoryCommandIssued.Data(
                        Action.EDIT,
                        id,
                        body.text(),
                        body.date(),
                        body.tags(),
                        ACTOR,
                        body.expectedVersion()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Accepted> delete(
            @AuthenticationPrincipal HouseholdCaller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Min(value = 1, message = "must be at least 1")
                    Long expectedVersion) {
        mustExist(caller, id);
        return send(
                caller,
                new MemoryCommandIssued.Data(
                        Action.DELETE, id, null, null, null, ACTOR, expectedVersion));
    }

    @PostMapping("/{id}/restore")
    ResponseEntity<Accepted> restore(
            @AuthenticationPrincipal HouseholdCaller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Min(value = 1, message = "must be at least 1")
                    Long expectedVersion) {
        mustExist(caller, id);
        return send(
                caller,
                new MemoryCommandIssued.Data(
                        Action.RESTORE, id, null, null, null, ACTOR, expectedVersion));
    }

    private void mustExist(HouseholdCaller caller, UUID id) {
        if (queries.find(caller.household(), id).isEmpty()) {
            throw Problems.noSuchMemory();
        }
    }

    private ResponseEntity<Accepted> send(HouseholdCaller caller, MemoryCommandIssued.Data data) {
        UUID commandId = commands.publish(caller.household(), data);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/memories/" + data.memoryId()))
                .body(new Accepted(commandId, data.memoryId(), data.action().name()));
    }
}
