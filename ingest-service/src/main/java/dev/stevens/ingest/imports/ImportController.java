package dev.stevens.ingest.imports;

import dev.stevens.events.ImportReceived;
import dev.stevens.support.security.HouseholdCaller;
import dev.stevens.support.web.ApiProblems.FieldProblem;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accepts import events for the calling household. A 202 means Kafka has stored the events; the
 * notebook is updated asynchronously by memory-service.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    record Accepted(UUID eventId, UUID household) {}

    record AcceptedBatch(List<UUID> eventIds) {}

    private final ImportPublisher publisher;
    private final BatchValidator batchValidator;

    ImportController(ImportPublisher publisher, BatchValidator batchValidator) {
        this.publisher = publisher;
        this.batchValidator = batchValidator;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted importOne(
            @AuthenticationPrincipal HouseholdCaller caller,
            @RequestHeader(name = EventIds.HEADER, required = false) String idempotencyKey,
            @Valid @RequestBody ImportRequest request) {
        checkKey(idempotencyKey);
        UUID household = caller.household();
        UUID id = EventIds.single(household, idempotencyKey);
        publisher.publishAll(household, List.of(request.toEvent(id, household, Instant.now())));
        return new Accepted(id, household);
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedBatch importBatch(
            @AuthenticationPrincipal HouseholdCaller caller,
            @RequestHeader(name = EventIds.HEADER, required = false) String idempotencyKey,
            @RequestBody List<ImportRequest> requests) {
        checkKey(idempotencyKey);
        batchValidator.check(requests);
        UUID household = caller.household();
        List<UUID> ids = EventIds.batch(household, idempotencyKey, requests.size());
        Instant now = Instant.now();
        List<ImportReceived> events = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            events.add(requests.get(i).toEvent(ids.get(i), household, now));
        }
        publisher.publishAll(household, events);
        return new AcceptedBatch(ids);
    }

    private static void checkKey(String idempotencyKey) {
        if (!EventIds.isValidKey(idempotencyKey)) {
            throw new InvalidImportException(
                    "The Idempotency-Key header is invalid.",
                    List.of(
                            new FieldProblem(
                                    EventIds.HEADER,
                                    "must be 1 to 200 printable ASCII characters")));
        }
    }
}
