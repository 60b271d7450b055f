package dev.stevens.memory.api;

import dev.stevens.support.web.ApiProblems;
import dev.stevens.support.web.ApiProblems.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problem+json answers the memories API gives besides the shared ones. */
final class Problems {

    private Problems() {}

    static ErrorResponseException badRequest(String field, String reason) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                ApiProblems.badRequest(
                        "A parameter is invalid.", List.of(new FieldProblem(field, reason))),
                null);
    }

    static ErrorResponseException noSuchMemory() {
        return new ErrorResponseException(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No memory with this id."),
                null);
    }
}
