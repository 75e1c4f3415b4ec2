package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.kafka.KafkaTopics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Runs the timeline projection in this instance: the live runner, and a rebuild runner while one is asked for. */
@ApplicationScoped
public class TimelineProjector {
    private static final Logger LOG = Logger.getLogger(TimelineProjector.class);

    private final AnnalsConfig config;
    private final ProjectorContext context;
    private final Generations generations;
    private final ProjectionStore store;
    private volatile ProjectorRunner live;
    private Thread liveThread;
    private volatile ProjectorRunner rebuild;
    private Thread rebuildThread;

    public TimelineProjector(
            AnnalsConfig config,
            KafkaTopics topics,
            EventDecoder decoder,
            DeadLetters deadLetters,
            ProjectionStore store,
            Generations generations,
            ProjectionMetrics metrics) {
        this.config = config;
        this.generations = generations;
        this.store = store;
        this.context =
                new ProjectorContext(config, topics, decoder, deadLetters, store, generations, metrics, this::switched);
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

    /** Starts the live runner; no-op when it runs already. */
    public synchronized void start() {
        if (live != null) {
            return;
        }
        live = new ProjectorRunner(true, 0, context);
        liveThread = start(live, "annals-projector");
    }

    /** Stops every runner of this instance; what they applied is committed, the rest is re-read on start. */
    public synchronized void stop() {
        join(rebuild, rebuildThread);
        rebuild = null;
        join(live, liveThread);
        live = null;
    }

    /** Starts rebuilding into a fresh generation; queries keep reading the active one until the switch. */
    public synchronized int rebuild() {
        join(rebuild, rebuildThread);
        int generation = generations.startRebuild();
        generations.dropInactive();
        rebuild = new ProjectorRunner(false, generation, context);
        rebuildThread = start(rebuild, "annals-rebuild-" + generation);
        LOG.infof("Rebuilding the timeline projection into generation %d", generation);
        return generation;
    }

    ProjectorRunner liveRunner() {
        return live;
    }

    ProjectorRunner rebuildRunner() {
        return rebuild;
    }

    private void switched(int generation) {
        LOG.infof("Timeline projection switched to generation %d", generation);
        generations.dropInactive();
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
