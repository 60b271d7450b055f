package dev.stevens.ingest.telegram;

import dev.stevens.ingest.kafka.AcknowledgedPublisher.NotAcknowledgedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Kafka unavailable: a 503 makes Telegram redeliver the update later. */
@RestControllerAdvice(assignableTypes = TelegramWebhookController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TelegramProblems {

    @ExceptionHandler(NotAcknowledgedException.class)
    ResponseEntity<ProblemDetail> notStored(NotAcknowledgedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The update could not be stored right now.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
