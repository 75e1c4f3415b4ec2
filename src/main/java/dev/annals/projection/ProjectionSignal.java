package dev.annals.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes queries waiting for a position once the projector committed a batch: in-process when this instance's
 * projector committed it, and through one {@code LISTEN} on {@value BatchSql#CHANNEL} per instance (started by
 * the first wait) for projectors running elsewhere. Waiters still re-check now and then, so a lost wake-up only
 * delays them.
 */
@ApplicationScoped
public class ProjectionSignal {
    private static final Logger LOG = Logger.getLogger(ProjectionSignal.class);
    private static final int NOTIFICATION_WAIT_MILLIS = 500;

    private final AgroalDataSource dataSource;
    private long batches;
    private volatile boolean running = true;
    private Thread listener;

    public ProjectionSignal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
    }

    /** A counter of the batches this instance knows were committed; pass it to {@link #awaitAfter}. */
    public synchronized long batches() {
        startListener();
        return batches;
    }

    /** Called after a batch committed (by this instance's projector, or announced by a notification). */
    public synchronized void committed() {
        batches++;
        notifyAll();
    }

    /** Waits until a batch committed after {@code seen} was counted, or {@code nanos} passed; returns the count. */
    public synchronized long awaitAfter(long seen, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (batches == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return batches;
    }

    private void startListener() {
        if (listener == null && running) {
            listener = new Thread(this::listen, "annals-projection-listener");
            listener.setDaemon(true);
            listener.start();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + BatchSql.CHANNEL);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try {
                    while (running) {
                        PGNotification[] received = notifications.getNotifications(NOTIFICATION_WAIT_MILLIS);
                        if (received != null && received.length > 0) {
                            committed();
                        }
                    }
                } finally {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UNLISTEN *");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.debugf("Projection notifications interrupted (%s); waiters poll meanwhile", e.getMessage());
                    try {
                        Thread.sleep(1_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
