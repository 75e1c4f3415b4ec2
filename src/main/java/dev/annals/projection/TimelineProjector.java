package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.kafka.KafkaTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs the timeline projection in this instance: the live runner, and a rebuild runner while a rebuild is in
 * progress. A rebuild is recorded in the database, so that an instance that starts (or looks, every
 * {@code annals.projection.rebuild.heartbeat}) resumes one nobody runs any more.
 */
@ApplicationScoped
public class TimelineProjector {
    private static final Logger LOG = Logger.getLogger(TimelineProjector.class);

    private final AnnalsConfig config;
    private final ProjectorContext context;
    private final Generations generations;
    private final GenerationDrop drop;
    private final RebuildLedger ledger;
    private final String instance;
    private volatile ProjectorRunner live;
    private Thread liveThread;
    private volatile ProjectorRunner rebuild;
    private Thread rebuildThread;
    private ScheduledExecutorService watchdog;

    public TimelineProjector(
            AnnalsConfig config,
            KafkaTopics topics,
            EventDecoder decoder,
            DeadLetters deadLetters,
            ProjectionStore store,
            Generations generations,
            GenerationDrop drop,
            RebuildLedger ledger,
            ProjectionSignal signal,
            ProjectionMetrics metrics) {
        this.config = config;
        this.generations = generations;
        this.drop = drop;
        this.ledger = ledger;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        this.context = new ProjectorContext(
                config,
                topics,
                decoder,
                deadLetters,
                store,
                generations,
                ledger,
                signal,
                metrics,
                instance,
                this::rebuildEnded);
        metrics.watch(() -> {
            ProjectorRunner runner = liveRunner();
            return runner == null ? null : runner.stats;
        });
    }

    void onStart(@Observes StartupEvent event) {
        if (config.projection().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the live runner and resumes a rebuild nobody runs; no-op when it runs already. */
    public synchronized void start() {
        if (live != null) {
            return;
        }
        live = new ProjectorRunner(true, 0, context);
        liveThread = start(live, "annals-projector");
        resumeRebuild();
        long every = config.projection().rebuild().heartbeat().toMillis();
        watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "annals-rebuild-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::resumeRebuild, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops every runner of this instance; what they applied is committed, the rest is re-read on start. A rebuild
     * in progress stays in progress, owned by nobody: the next instance to look resumes it.
     */
    public synchronized void stop() {
        if (watchdog != null) {
            watchdog.shutdownNow();
            watchdog = null;
        }
        stopRebuildRunner();
        join(live, liveThread);
        live = null;
    }

    /** Starts rebuilding into a fresh generation; queries keep reading the active one until the switch. */
    public synchronized int rebuild() {
        stopRebuildRunner();
        int generation = generations.startRebuild(instance);
        drop.dropInactiveLater();
        startRebuildRunner(generation);
        LOG.infof("Rebuilding the timeline projection into generation %d", generation);
        return generation;
    }

    /** The name this instance owns rebuilds under in {@code projection_rebuild.owner}. */
    public String instance() {
        return instance;
    }

    ProjectorRunner liveRunner() {
        return live;
    }

    ProjectorRunner rebuildRunner() {
        return rebuild;
    }

    /** Resumes the rebuild in progress if nobody runs it (its owner released it or went quiet). */
    synchronized void resumeRebuild() {
        ProjectorRunner current = rebuild;
        if (live == null || current != null && rebuildThread.isAlive()) {
            return;
        }
        try {
            Optional<Integer> claimed = generations.claim(instance);
            if (claimed.isPresent()) {
                LOG.infof("Resuming the rebuild of generation %d from its stored offsets", claimed.get());
                startRebuildRunner(claimed.get());
            }
        } catch (RuntimeException e) {
            LOG.debugf("Looking for a rebuild to resume failed: %s", e.getMessage());
        }
    }

    private void startRebuildRunner(int generation) {
        rebuild = new ProjectorRunner(false, generation, context);
        rebuildThread = start(rebuild, "annals-rebuild-" + generation);
    }

    private void stopRebuildRunner() {
        ProjectorRunner runner = rebuild;
        if (runner == null) {
            return;
        }
        join(runner, rebuildThread);
        try {
            ledger.release(runner.generation(), instance);
        } catch (RuntimeException e) {
            LOG.warnf("Could not release the rebuild of generation %d: %s", runner.generation(), e.getMessage());
        }
    }

    private void rebuildEnded(int generation) {
        LOG.infof("Rebuild of generation %d ended; dropping inactive generations", generation);
        drop.dropInactiveLater();
    }

    private static Thread start(ProjectorRunner runner, String name) {
        Thread thread = new Thread(runner, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> {
            runner.stats.state("failed");
            LOG.errorf(e, "Projector thread %s died; restart the instance or POST a rebuild", t.getName());
        });
        thread.start();
        return thread;
    }

    private static void join(ProjectorRunner runner, Thread thread) {
        if (runner == null) {
            return;
        }
        runner.stop();
        try {
            thread.join(20_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
