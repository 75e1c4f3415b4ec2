package dev.annals.registry;

import dev.annals.config.RegistryConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Registers the seed packs at start (and keeps trying while the database is unreachable), then keeps this
 * instance's registry current: one indexed query ("revision > last seen") every refresh interval, so a type or
 * version registered on another instance is seen here within that interval (250 ms by default).
 */
@ApplicationScoped
public class RegistryRefresher {
    private static final Logger LOG = Logger.getLogger(RegistryRefresher.class);

    private final EventTypeRegistry registry;
    private final SeedPacks seeds;
    private final RegistryConfig config;
    private ScheduledExecutorService executor;
    private volatile boolean seeded;

    public RegistryRefresher(EventTypeRegistry registry, SeedPacks seeds, RegistryConfig config) {
        this.registry = registry;
        this.seeds = seeds;
        this.config = config;
    }

    /**
     * Before the projector and the relay start (priority), so the first records they see find the built-in pack;
     * a pack that cannot be read fails the start.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        seeded = seeds.tryLoad();
        refresh();
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "annals-registry-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(10, config.refreshInterval().toMillis());
        executor.scheduleWithFixedDelay(this::refresh, millis, millis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void refresh() {
        if (!seeded) {
            try {
                seeded = seeds.tryLoad();
            } catch (RuntimeException e) {
                LOG.errorf(e, "event-type packs cannot be registered; trying again in %s", config.refreshInterval());
            }
        }
        try {
            registry.refresh();
        } catch (RuntimeException e) {
            LOG.debugf(e, "registry refresh failed; next try in %s", config.refreshInterval());
        }
    }
}
