package dev.annals.error;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/** Takes a connection from a pool; failing to get one (pool exhausted, database down) is an outage, SQLSTATE 08001. */
public final class PooledConnections {
    private PooledConnections() {}

    /** A pooled connection, or an SQLException that carries a SQLSTATE (the pool's own errors have none). */
    public static Connection get(DataSource dataSource) throws SQLException {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            if (e.getSQLState() != null) {
                throw e;
            }
            throw new SQLTransientConnectionException(e.getMessage(), "08001", e);
        }
    }
}
