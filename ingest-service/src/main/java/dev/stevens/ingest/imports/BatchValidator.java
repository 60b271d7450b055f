package dev.stevens.ingest.imports;

import dev.stevens.support.web.ApiProblems.FieldProblem;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Validates a whole batch before anything is published, naming each problem by its JSON path
 * ({@code [3].text}) so a client can fix the exact element.
 */
@Component
class BatchValidator {

    private final SpringValidatorAdapter validator;
    private final int maxBatchSize;

    BatchValidator(Validator validator, ImportProperties properties) {
        this.validator = new SpringValidatorAdapter(validator);
        this.maxBatchSize = properties.maxBatchSize();
    }

    void check(List<ImportRequest> events) {
        if (events.isEmpty() || events.size() > maxBatchSize) {
            throw new InvalidImportException(
                    "A batch holds 1 to " + maxBatchSize + " events.",
                    List.of(
                            new FieldProblem(
                                    "body",
                                    "must be an array of 1 to " + maxBatchSize + " events")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ImportRequest event = events.get(i);
            if (event == null) {
                problems.add(new FieldProblem("[" + i + "]", "must not be null"));
                continue;
            }
            var errors = new BeanPropertyBindingResult(event, "event");
            validator.validate(event, errors);
            for (var error : errors.getFieldErrors()) {
                problems.add(
                        new FieldProblem(
                                "[" + i + "]." + error.getField(), error.getDefaultMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidImportException("The batch has invalid events.", problems);
        }
    }
}
