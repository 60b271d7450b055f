package dev.stevens.ingest.imports;

import dev.stevens.support.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The import API's own refusals, ahead of the shared {@link ApiProblems} (which would answer any
 * exception it sees first as a 500).
 */
@RestControllerAdvice(assignableTypes = ImportController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ImportProblems {

    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(InvalidImportException.class)
    ProblemDetail invalid(InvalidImportException e) {
        return ApiProblems.badRequest(e.getMessage(), e.problems());
    }

    /** Never 202 unless Kafka has the events; the client may retry with the same key. */
    @ExceptionHandler(EventsNotStoredException.class)
    ResponseEntity<ProblemDetail> notStored(EventsNotStoredException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The events could not be stored right now. Retry later with the same"
                                + " Idempotency-Key to avoid duplicates.");
        problem.setTitle("Event store unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(problem);
    }
}
