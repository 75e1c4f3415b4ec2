package dev.annals.relay;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The relay's own database session, outside the pool: it holds the relay's advisory lock, {@code LISTEN}s, and
 * runs every query of a round, so a relay whose session is lost cannot delete what another relay publishes (its
 * next statement fails). PostgreSQL drops the session of a dead peer after the keepalive settings; the client
 * side notices through the socket timeout and {@link #isValid()}.
 */
final class RelaySession implements AutoCloseable {
    /** {@code application_name} of relay sessions in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "annals-relay";
    /** Advisory lock key shared by every Annals instance on the database ("annals" in ASCII). */
    static final long LOCK_KEY = 0x616e6e616c73L;

    private final Connection connection;
    private final PGConnection notifications;
    private final KeepaliveSettings applied;

    private RelaySession(Connection connection, KeepaliveSettings applied) throws SQLException {
        this.connection = connection;
        this.notifications = connection.unwrap(PGConnection.class);
        this.applied = applied;
    }

    /** Opens a session and sets its server-side keepalives; {@code applied} holds what the server reports. */
    static RelaySession open(
            String url,
            String user,
            String password,
            Properties additional,
            KeepaliveSettings keepalive,
            int socketSeconds)
            throws SQLException {
        Properties props = new Properties();
        props.putAll(additional);
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", APPLICATION_NAME);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("socketTimeout", Integer.toString(socketSeconds));
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        Connection connection = new Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException(
                    "not a PostgreSQL JDBC URL (quarkus.datasource.jdbc.url)"); // never echo it: it may hold
            // credentials
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select set_config('tcp_keepalives_idle', '"
                        + keepalive.idleSeconds() + "', false), set_config('tcp_keepalives_interval', '"
                        + keepalive.intervalSeconds() + "', false), set_config('tcp_keepalives_count', '"
                        + keepalive.count() + "', false), set_config('tcp_user_timeout', '"
                        + keepalive.userTimeoutMillis() + "', false)")) {
            rs.next();
            return new RelaySession(
                    connection,
                    new KeepaliveSettings(
                            Integer.parseInt(rs.getString(1)),
                            Integer.parseInt(rs.getString(2)),
                            Integer.parseInt(rs.getString(3)),
                            Integer.parseInt(rs.getString(4))));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    /** The keepalive settings the server reports for this session (zeros on a Unix-domain socket). */
    KeepaliveSettings applied() {
        return applied;
    }

    boolean tryLock() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    void listen(String channel) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + channel);
        }
    }

    /**
     * Takes the notifications received so far, waiting up to {@code millis} for one (0: no wait); the driver
     * queues every notification it reads during any query, so a busy relay must call this every round.
     *
     * @return how many were taken
     */
    int takeNotifications(int millis) throws SQLException {
        PGNotification[] received =
                millis > 0 ? notifications.getNotifications(millis) : notifications.getNotifications();
        return received == null ? 0 : received.length;
    }

    /** Whether the session still answers (a round trip bounded by 2 seconds). */
    boolean isValid() throws SQLException {
        return connection.isValid(2);
    }

    /** Closing the session drops the lock and the LISTEN with it. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // already gone: so are its lock and LISTEN
        }
    }
}
