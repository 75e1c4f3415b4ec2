package dev.annals.registry.upcast;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** An upcast document that is not a valid list of JSON Patch operations. */
public final class InvalidUpcast extends Exception {
    private final transient List<Problem> problems;

    /** {@code problems} is not empty. */
    public InvalidUpcast(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in document order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid upcast has at least one problem");
        }
        return "invalid upcast: "
                + problems.stream()
                        .map(problem -> "'" + problem.pointer() + "' " + problem.rule() + ": " + problem.detail())
                        .collect(Collectors.joining("; "));
    }

    /**
     * One problem: {@code pointer} is a JSON Pointer relative to the upcast document ({@code ""} for the document
     * itself), {@code rule} a camelCase rule name, {@code detail} a sentence for people.
     */
    public record Problem(String pointer, String rule, String detail) {
        public Problem {
            Objects.requireNonNull(pointer, "pointer");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
