package dev.annals.bulk;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import java.util.List;

/** The problems of the bulk endpoints, as RFC 9457 bodies of the shared {@link ProblemType}s. */
final class BulkProblems {
    private BulkProblems() {}

    static RuntimeException invalidParameter(String name, String rule, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "Invalid parameter " + name, List.of(FieldError.parameter(name, rule, message)));
    }
}
