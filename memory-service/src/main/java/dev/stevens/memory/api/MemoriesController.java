package dev.stevens.memory.api;

import dev.stevens.support.security.HouseholdCaller;
import dev.stevens.support.web.ApiProblems;
import dev.stevens.support.web.ApiProblems.FieldProblem;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notebook, read-only, for the caller's household. */
@RestController
@RequestMapping("/api/v1/memories")
class MemoriesController {

    private final MemoryQueries queries;

    MemoriesController(MemoryQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    MemoryPage list(
            @AuthenticationPrincipal HouseholdCaller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @RequestParam(required = false) Boolean undated,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 200, message = "must be at most 200")
                    int limit) {
        if (from != null && to != null && to.isBefore(from)) {
            throw badRequest("to", "must not be before from");
        }
        Cursor after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        var filter =
                new MemoryFilter(
                        from, to, undated, blankToNull(source), blankToNull(tag), blankToNull(q));
        // one extra row tells whether another page exists
        List<MemoryItem> rows = queries.list(caller.household(), filter, after, limit + 1);
        if (rows.size() <= limit) {
            return new MemoryPage(rows, null);
        }
        List<MemoryItem> page = rows.subList(0, limit);
        return new MemoryPage(List.copyOf(page), Cursor.after(page.get(limit - 1)).encode());
    }

    @GetMapping("/{id}")
    MemoryDetail one(@AuthenticationPrincipal HouseholdCaller caller, @PathVariable UUID id) {
        // another household's memory is indistinguishable from a missing one
        return queries.find(caller.household(), id)
                .orElseThrow(
                        () ->
                                new ErrorResponseException(
                                        HttpStatus.NOT_FOUND,
                                        ProblemDetail.forStatusAndDetail(
                                                HttpStatus.NOT_FOUND, "No memory with this id."),
                                        null));
    }

    private static Cursor decode(String cursor) {
        try {
            return Cursor.decode(cursor);
        } catch (RuntimeException e) {
            throw badRequest("cursor", "is not a cursor this API returned");
        }
    }

    private static ErrorResponseException badRequest(String field, String reason) {
        return new ErrorResponseException(
                HttpStatus.BAD_REQUEST,
                ApiProblems.badRequest(
                        "A parameter is invalid.", List.of(new FieldProblem(field, reason))),
                null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
