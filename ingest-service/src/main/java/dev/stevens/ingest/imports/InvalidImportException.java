package dev.stevens.ingest.imports;

import dev.stevens.support.web.ApiProblems.FieldProblem;
import java.util.List;

/** A request the controller itself found invalid (batch elements, headers); answered 400. */
class InvalidImportException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    InvalidImportException(String detail, List<FieldProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
