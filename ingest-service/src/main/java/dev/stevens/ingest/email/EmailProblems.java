package dev.stevens.ingest.email;

import dev.stevens.ingest.kafka.AcknowledgedPublisher.NotAcknowledgedException;
import dev.stevens.support.web.ApiProblems;
import dev.stevens.support.web.ApiProblems.FieldProblem;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The email endpoint's refusals, ahead of the shared {@link ApiProblems}. */
@RestControllerAdvice(assignableTypes = EmailController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EmailProblems {

    @ExceptionHandler(UnreadableEmailException.class)
    ProblemDetail unreadable(UnreadableEmailException e) {
        return ApiProblems.badRequest(
                e.getMessage(), List.of(new FieldProblem("body", "must be a raw RFC 822 message")));
    }

    @ExceptionHandler(SenderNotAllowedException.class)
    ProblemDetail senderNotAllowed(SenderNotAllowedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Sender not allowed");
        problem.setProperty(
                "errors",
                List.of(
                        new FieldProblem(
                                "from",
                                e.from() + " is not among the household's allowed email senders")));
        return problem;
    }

    @ExceptionHandler(EmailController.EmailTooLargeException.class)
    ProblemDetail tooLarge(EmailController.EmailTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(NotAcknowledgedException.class)
    ResponseEntity<ProblemDetail> notStored(NotAcknowledgedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The email could not be stored right now; posting it again later is safe.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem);
    }
}
