package dev.annals.query;

/** A read-model query failed in the database; mapped to 503 when the database is unreachable, else 500. */
public class QueryFailedException extends RuntimeException {
    public QueryFailedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
