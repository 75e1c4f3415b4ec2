package dev.annals.relay;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * Wakes the outbox relay after appends commit. When this instance's relay leads, the wake is in-process (no
 * database work at all); otherwise one {@code NOTIFY} on channel {@value #CHANNEL} stands for every append
 * committed here in the last {@link #NOTIFY_INTERVAL_MILLIS} ms, sent outside the append transactions: a
 * {@code NOTIFY} in each append would serialise their commits in PostgreSQL. A lost wake costs at most the
 * relay's idle poll.
 */
@ApplicationScoped
public class OutboxSignal {
    static final String CHANNEL = "annals_outbox";
    static final long NOTIFY_INTERVAL_MILLIS = 2;
    private static final Logger LOG = Logger.getLogger(OutboxSignal.class);

    private final AgroalDataSource dataSource;
    private final AtomicBoolean local = new AtomicBoolean();
    private final AtomicBoolean remote = new AtomicBoolean();
    private volatile Thread leader;
    private volatile Thread notifier;

    public OutboxSignal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) {
        Thread thread = new Thread(this::notifyLoop, "annals-outbox-notifier");
        thread.setDaemon(true);
        notifier = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread thread = notifier;
        notifier = null;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Called after an append committed. */
    public void committed() {
        local.set(true);
        Thread relay = leader;
        if (relay != null) {
            LockSupport.unpark(relay);
            return;
        }
        Thread thread = notifier;
        if (thread != null && !remote.getAndSet(true)) {
            LockSupport.unpark(thread);
        }
    }

    /** The relay thread of this instance took the lead ({@code null}: it gave it up). */
    void leading(Thread relay) {
        leader = relay;
    }

    /** Whether an append committed in this instance since the last call. */
    boolean takeLocal() {
        return local.getAndSet(false);
    }

    private void notifyLoop() {
        while (notifier != null) {
            if (!remote.get()) {
                LockSupport.park(this);
                continue;
            }
            remote.set(false);
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("select pg_notify('" + CHANNEL + "', '')");
            } catch (SQLException | RuntimeException e) {
                LOG.debugf("Outbox notification not sent (the relay's poll will find the rows): %s", e.getMessage());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(NOTIFY_INTERVAL_MILLIS));
        }
    }
}
