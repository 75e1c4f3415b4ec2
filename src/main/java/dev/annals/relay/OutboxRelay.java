package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Publishes the outbox to Kafka. One relay is active across all instances: it holds a PostgreSQL advisory lock
 * on a dedicated connection, which also {@code LISTEN}s for commits of other instances; commits of this one wake
 * it in-process ({@link OutboxSignal}), so publishing starts within milliseconds; {@code annals.relay.idle-wait}
 * is only the fallback poll.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every Annals instance on the database ("annals" in ASCII). */
    private static final long LOCK_KEY = 0x616e6e616c73L;

    private static final long NOTIFICATION_POLL_NANOS = 4_000_000L;

    private final AgroalDataSource dataSource;
    private final AnnalsConfig config;
    private final OutboxRound round;
    private final OutboxSignal signal;
    private volatile boolean running;
    private volatile boolean draining;
    private volatile boolean leader;
    private Thread thread;

    public OutboxRelay(AgroalDataSource dataSource, AnnalsConfig config, OutboxRound round, OutboxSignal signal) {
        this.dataSource = dataSource;
        this.config = config;
        this.round = round;
        this.signal = signal;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relay().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts relaying in a background thread; no-op when already running. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "annals-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops relaying: first drains (keeps publishing until the outbox is empty, up to
     * {@code annals.relay.drain-timeout}), then stops. What is still unpublished stays in the outbox for the next
     * relay, in this instance or another.
     */
    public synchronized void stop() {
        if (thread != null) {
            draining = true;
            join(config.relay().drainTimeout().toMillis());
            running = false;
            thread.interrupt();
            join(15_000);
            thread = null;
        }
        running = false;
        draining = false;
        round.reset();
        leader = false;
    }

    private void join(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return running;
    }

    /** Whether this instance currently holds the relay lock. */
    public boolean isLeader() {
        return leader;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                if (!tryLock(connection)) {
                    if (draining) {
                        return;
                    }
                    pause(config.relay().retryBackoff().toMillis() * 2);
                    continue;
                }
                leader = true;
                LOG.info("Outbox relay active on this instance");
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + OutboxSignal.CHANNEL);
                }
                signal.leading(Thread.currentThread());
                try {
                    relayWhileLeader(connection);
                } finally {
                    signal.leading(null);
                    release(connection);
                }
            } catch (Exception | LinkageError | OutOfMemoryError e) {
                if (running) {
                    LOG.warnf("Outbox relay interrupted: %s; retrying", e.getMessage());
                    pause(config.relay().retryBackoff().toMillis());
                }
            } finally {
                leader = false;
            }
        }
    }

    private void relayWhileLeader(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        while (running) {
            if (!connection.isValid(2)) {
                throw new SQLException("the session holding the relay lock is gone");
            }
            OutboxRound.Result result = round.run();
            if (result == OutboxRound.Result.FAILED) {
                pause(config.relay().retryBackoff().toMillis());
            } else if (result == OutboxRound.Result.IDLE) {
                if (draining) {
                    running = false;
                    return;
                }
                awaitWork(notifications);
            }
        }
    }

    /**
     * Waits up to {@code annals.relay.idle-wait} for a commit: one in this instance unparks this thread at once,
     * one in another instance arrives as a notification, read every {@link #NOTIFICATION_POLL_NANOS} ns.
     */
    private void awaitWork(PGConnection notifications) throws SQLException {
        long deadline = System.nanoTime() + config.relay().idleWait().toNanos();
        while (running && !draining && System.nanoTime() < deadline) {
            if (signal.takeLocal()) {
                return;
            }
            LockSupport.parkNanos(this, NOTIFICATION_POLL_NANOS);
            // a short blocking read: over TLS, a non-blocking check cannot see a notification not yet decrypted
            PGNotification[] received = notifications.getNotifications(1);
            if (signal.takeLocal() || received != null && received.length > 0) {
                return;
            }
        }
    }

    /** The connection goes back to the pool, so the session lock and LISTEN must be dropped explicitly. */
    private static void release(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("select pg_advisory_unlock_all()");
        } catch (SQLException e) {
            LOG.debugf("Relay connection already gone: %s", e.getMessage());
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + LOCK_KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
