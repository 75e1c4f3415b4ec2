package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka. One relay is active across all instances: it holds a PostgreSQL advisory lock
 * on its own non-pooled session ({@link RelaySession}), which also {@code LISTEN}s for commits of other
 * instances and runs every query of the rounds; commits of this one wake it in-process ({@link OutboxSignal}),
 * so publishing starts within milliseconds; {@code annals.relay.idle-wait} is only the fallback poll.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final long NOTIFICATION_POLL_NANOS = 4_000_000L;
    private static final String ADDITIONAL_JDBC_PROPERTIES = "quarkus.datasource.jdbc.additional-jdbc-properties.";

    private final AnnalsConfig config;
    private final OutboxRound round;
    private final OutboxSignal signal;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private final AtomicLong notificationsTaken = new AtomicLong();
    private volatile KeepaliveSettings keepalive;
    private volatile boolean running;
    private volatile boolean draining;
    private volatile boolean leader;
    private Thread thread;

    public OutboxRelay(
            AnnalsConfig config,
            OutboxRound round,
            OutboxSignal signal,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.round = round;
        this.signal = signal;
        this.url = url;
        this.user = user;
        this.password = password;
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

    /** The keepalive settings PostgreSQL reported for the last relay session opened ({@code null}: none yet). */
    public KeepaliveSettings sessionKeepalive() {
        return keepalive;
    }

    /** Notifications taken from the driver's queue so far (they queue there during every query). */
    public long notificationsTaken() {
        return notificationsTaken.get();
    }

    private RelaySession openSession() throws SQLException {
        KeepaliveSettings wanted = KeepaliveSettings.forTimeout(config.relay().sessionTimeout());
        // well above the longest round query, and it bounds how long a relay waits on a dead server
        int socketSeconds = Math.max(10, 2 * wanted.userTimeoutMillis() / 1000);
        RelaySession session = RelaySession.open(
                url, user.orElse(null), password.orElse(null), additionalJdbcProperties(), wanted, socketSeconds);
        keepalive = session.applied();
        return session;
    }

    /** The pool's {@code quarkus.datasource.jdbc.additional-jdbc-properties.*} (e.g. TLS files), for the relay too. */
    private static Properties additionalJdbcProperties() {
        Properties properties = new Properties();
        Config all = ConfigProvider.getConfig();
        for (String name : all.getPropertyNames()) {
            if (name.startsWith(ADDITIONAL_JDBC_PROPERTIES)) {
                all.getOptionalValue(name, String.class)
                        .ifPresent(value ->
                                properties.setProperty(name.substring(ADDITIONAL_JDBC_PROPERTIES.length()), value));
            }
        }
        return properties;
    }

    private void run() {
        while (running) {
            try (RelaySession session = openSession()) {
                while (running && !session.tryLock()) {
                    if (draining) {
                        return;
                    }
                    pause(config.relay().retryBackoff().toMillis() * 2);
                }
                if (!running) {
                    return;
                }
                leader = true;
                LOG.info("Outbox relay active on this instance");
                session.listen(OutboxSignal.CHANNEL);
                round.leading();
                signal.leading(Thread.currentThread());
                try {
                    relayWhileLeader(session);
                } finally {
                    signal.leading(null);
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

    private void relayWhileLeader(RelaySession session) throws SQLException {
        while (running) {
            if (!session.isValid()) {
                throw new SQLException("the session holding the relay lock is gone");
            }
            notificationsTaken.addAndGet(session.takeNotifications(0));
            OutboxRound.Result result = round.run(session.connection());
            if (result == OutboxRound.Result.FAILED) {
                pause(config.relay().retryBackoff().toMillis());
            } else if (result == OutboxRound.Result.IDLE) {
                if (draining) {
                    running = false;
                    return;
                }
                awaitWork(session);
            }
        }
    }

    /**
     * Waits up to {@code annals.relay.idle-wait} for a commit: one in this instance unparks this thread at once,
     * one in another instance arrives as a notification, read every {@link #NOTIFICATION_POLL_NANOS} ns.
     */
    private void awaitWork(RelaySession session) throws SQLException {
        long deadline = System.nanoTime() + config.relay().idleWait().toNanos();
        while (running && !draining && System.nanoTime() < deadline) {
            if (signal.takeLocal()) {
                return;
            }
            LockSupport.parkNanos(this, NOTIFICATION_POLL_NANOS);
            // a short blocking read: over TLS, a non-blocking check cannot see a notification not yet decrypted
            int received = session.takeNotifications(1);
            notificationsTaken.addAndGet(received);
            if (signal.takeLocal() || received > 0) {
                return;
            }
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
