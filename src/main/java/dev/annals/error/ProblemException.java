package dev.annals.error;

/** Thrown to answer with a problem details body; carries no stack trace since it is an expected outcome. */
public class ProblemException extends RuntimeException {
    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
