package dev.annals.append;

import dev.annals.config.AnnalsConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Deletes Idempotency-Keys older than {@code annals.append.idempotency-retention}, oldest first, at most
 * {@link #BATCH} per statement so that no delete holds many locks or runs long; expired keys are ignored by the
 * append even before they are purged. Every instance purges; concurrent deletes of one row are harmless.
 */
@ApplicationScoped
public class IdempotencyPurge {
    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);
    static final int BATCH = 1000;
    /** Batches per round, so that one round ends even when keys expire faster than they are purged. */
    private static final int MAX_BATCHES = 100;

    private static final String SQL = "delete from append_idempotency where (timeline_id, idempotency_key) in "
            + "(select timeline_id, idempotency_key from append_idempotency where created_at <= now() - ?::interval "
            + "order by created_at limit " + BATCH + ")";

    private final AgroalDataSource dataSource;
    private final Duration retention;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public IdempotencyPurge(AgroalDataSource dataSource, AnnalsConfig config) {
        this.dataSource = dataSource;
        this.retention = config.append().idempotencyRetention();
        this.interval = config.append().idempotencyPurgeInterval();
    }

    void onStart(@Observes StartupEvent event) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "annals-idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1000, interval.toMillis());
        timer.scheduleWithFixedDelay(this::purgeQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Idempotency-Key purge failed, retried next round: %s", e.getMessage());
        }
    }

    /** Deletes expired keys in batches; returns how many. */
    public long purge() throws SQLException {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(SQL)) {
            delete.setString(1, retention.toSeconds() + " seconds");
            for (int i = 0; i < MAX_BATCHES; i++) {
                int n = delete.executeUpdate();
                deleted += n;
                if (n < BATCH) {
                    break;
                }
            }
        }
        return deleted;
    }
}
