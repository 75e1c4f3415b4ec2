package dev.annals.projection;

import java.sql.SQLException;

/**
 * Tells a record the read model cannot hold (SQLSTATE class 22, data exception, or 23, integrity constraint) from
 * a transient failure such as a lost connection: the first is dead-lettered, the second retried.
 */
final class RejectedByDatabase {
    private RejectedByDatabase() {}

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
