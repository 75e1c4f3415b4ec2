package dev.annals.projection;

import java.sql.SQLException;

/**
 * A read-model statement failed. Unchecked so that {@code @Transactional} rolls back; the {@link SQLException}
 * stays the cause, which is what {@link RejectedByDatabase} and the problem mappers classify.
 */
final class ReadModelException extends RuntimeException {
    ReadModelException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
