package dev.stevens.memory.households;

import dev.stevens.support.security.HouseholdCaller;
import dev.stevens.support.web.ApiProblems;
import dev.stevens.support.web.ApiProblems.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Owners create, list and revoke the household's API tokens (scope {@code tokens:admin}). */
@RestController
@RequestMapping("/api/v1/tokens")
class ApiTokensController {

    private final ApiTokenAdmin tokens;

    ApiTokensController(ApiTokenAdmin tokens) {
        this.tokens = tokens;
    }

    record NewToken(
            @NotBlank(message = "must not be blank")
                    @Size(max = 100, message = "must be at most 100 characters")
                    String label,
            @NotEmpty(message = "must name at least one scope") List<String> scopes) {}

    record TokenList(List<ApiTokenAdmin.TokenInfo> tokens) {}

    @PostMapping
    ResponseEntity<ApiTokenAdmin.CreatedToken> create(
            @AuthenticationPrincipal HouseholdCaller caller, @Valid @RequestBody NewToken body) {
        var unknown = body.scopes().stream().filter(s -> !Scopes.ALL.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    ApiProblems.badRequest(
                            "The request has invalid fields.",
                            List.of(
                                    new FieldProblem(
                                            "scopes",
                                            "unknown scopes "
                                                    + unknown
                                                    + "; known: "
                                                    + Scopes.ALL))),
                    null);
        }
        var created =
                tokens.create(
                        caller.household(),
                        body.label().strip(),
                        List.copyOf(new LinkedHashSet<>(body.scopes())));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id())).body(created);
    }

    @GetMapping
    TokenList list(@AuthenticationPrincipal HouseholdCaller caller) {
        return new TokenList(tokens.live(caller.household()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(
            @AuthenticationPrincipal HouseholdCaller caller, @PathVariable UUID id) {
        if (!tokens.revoke(caller.household(), id)) {
            throw new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "No live token with this id."),
                    null);
        }
        return ResponseEntity.noContent().build();
    }
}
