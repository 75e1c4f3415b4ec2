package dev.annals.error;

import java.sql.SQLException;

/**
 * A statement failed in PostgreSQL, unchecked so that a surrounding {@code @Transactional} rolls back. The
 * {@link SQLException} stays the cause: the problem mappers answer 503 when the database is unreachable, 400 for a
 * value it cannot take, else 500, and the projector classifies rejected rows by it.
 */
public class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
