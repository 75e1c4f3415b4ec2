package dev.annals.live;

import dev.annals.config.LiveConfig;
import dev.annals.error.ProblemType;
import dev.annals.projection.ProjectionSignal;
import dev.annals.query.EventFilter;
import dev.annals.query.LiveSql;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * The live feed of one instance: a single thread, woken by {@link ProjectionSignal} (and polling as a fallback),
 * reads what the projection committed after the hub's position, once per distinct filter of its live
 * subscribers, and hands it to them; it never waits on a client. Subscribers resuming from an older position
 * catch up with their own queries first (see {@link CatchUp}), then join at the start of a step.
 */
@ApplicationScoped
public class LiveHub {
    private static final Logger LOG = Logger.getLogger(LiveHub.class);

    private final LiveReader reader;
    private final ProjectionSignal signal;
    private final LiveConfig config;
    private final Map<SseEventSink, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService catchUps = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "annals-live-catch-up");
        thread.setDaemon(true);
        return thread;
    });
    private final CatchUp catchUp;
    /** Everything before it was handed to the live subscribers; null while there are none (set again on need). */
    private volatile Position position;

    private volatile boolean running = true;
    private Thread thread;
    private SseBroadcaster closes;

    public LiveHub(LiveReader reader, ProjectionSignal signal, LiveConfig config) {
        this.reader = reader;
        this.signal = signal;
        this.config = config;
        this.catchUp = new CatchUp(reader, catchUps, this::position, config.batch());
    }

    void onStop(@Observes ShutdownEvent event) {
        closeAll();
    }

    private void closeAll() {
        running = false;
        catchUps.shutdownNow();
        for (Subscriber subscriber : subscribers.values()) {
            try {
                subscriber.close();
            } catch (RuntimeException e) {
                LOG.debugf("Closing a live stream at shutdown: %s", e.getMessage());
            }
        }
    }

    /** The hub's position, or what the projection committed when the hub has none yet. */
    Position position() {
        Position current = position;
        return current != null ? current : reader.committed();
    }

    /**
     * Starts streaming to {@code sink} the items after {@code start} (null: what the projection commits from now
     * on); 503 when the instance already serves {@code annals.live.max-subscribers} streams.
     */
    public void subscribe(EventFilter filter, Position start, SseEventSink sink, Sse sse) {
        Position from = start != null ? start : reader.committed();
        synchronized (this) {
            if (subscribers.size() >= config.maxSubscribers()) {
                throw ProblemType.SERVICE_UNAVAILABLE.exception(
                        "This instance already serves " + config.maxSubscribers()
                                + " live streams (annals.live.max-subscribers); retry or use another");
            }
            Subscriber subscriber = new Subscriber(filter, from, sink, sse, config.buffer());
            subscribers.put(sink, subscriber);
            if (closes == null) {
                closes = sse.newBroadcaster();
                closes.onClose(this::closed);
            }
            closes.register(sink);
            start();
            catchUp.submit(subscriber);
        }
    }

    /** How many streams this instance serves. */
    public int subscribers() {
        return subscribers.size();
    }

    /** The streams' states and positions, and the hub's, for diagnostics. */
    String describe() {
        StringBuilder text = new StringBuilder("hub at ")
                .append(position)
                .append(thread != null && thread.isAlive() ? " (running)" : " (stopped)");
        subscribers
                .values()
                .forEach(s -> text.append("; ")
                        .append(s)
                        .append(' ')
                        .append(s.state())
                        .append(" at ")
                        .append(s.position())
                        .append(s.sink().isClosed() ? " closed" : " open"));
        return text.toString();
    }

    private void closed(SseEventSink sink) {
        Subscriber gone = subscribers.remove(sink);
        if (gone != null) {
            gone.close();
        }
    }

    private synchronized void start() {
        if (thread == null && running) {
            // SIGTERM: end the streams at once (clients resume elsewhere with Last-Event-ID); graceful shutdown would
            // otherwise wait quarkus.shutdown.timeout for requests that never complete before ShutdownEvent comes
            Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "annals-live-shutdown"));
            thread = new Thread(this::run, "annals-live-hub");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void run() {
        long heartbeat = config.heartbeat().toNanos();
        long nextBeat = System.nanoTime() + heartbeat;
        while (running) {
            long seen = signal.batches();
            boolean more = false;
            try {
                more = step();
            } catch (RuntimeException e) {
                LOG.warnf("Live feed step failed (%s); retrying from the same position", e.getMessage());
            }
            long now = System.nanoTime();
            if (now - nextBeat >= 0) {
                nextBeat = now + heartbeat;
                try {
                    heartbeats();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Live feed heartbeats failed");
                }
            }
            if (!more) {
                try {
                    long wait = Math.min(config.pollInterval().toNanos(), Math.max(0, nextBeat - now));
                    signal.awaitAfter(seen, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One step: take in the ready subscribers, hand over what was committed after the position; true if more.
     * A ready subscriber may be a little behind the hub (it moved on while the last catch-up page was written):
     * the step then starts at the subscriber's position instead, and those already live skip what they have, so
     * the hand-over needs no second try. Only one far behind goes back to catching up.
     */
    private boolean step() {
        subscribers.values().removeIf(s -> s.state() == SubscriberState.CLOSED);
        if (subscribers.isEmpty()) {
            position = null;
            return false;
        }
        Position committed = reader.committed();
        Position from = position != null ? position : committed;
        List<Subscriber> joining = new ArrayList<>();
        Map<EventFilter, List<Subscriber>> live = new LinkedHashMap<>();
        for (Subscriber subscriber : subscribers.values()) {
            SubscriberState state = subscriber.state();
            if (state == SubscriberState.READY) {
                if (subscriber.position().within(config.batch(), from)) {
                    joining.add(subscriber);
                } else if (subscriber.retry()) {
                    catchUp.submit(subscriber);
                }
            } else if (state == SubscriberState.LIVE) {
                live.computeIfAbsent(subscriber.filter(), f -> new ArrayList<>())
                        .add(subscriber);
            }
        }
        for (Subscriber subscriber : joining) {
            from = from.min(subscriber.position());
            if (subscriber.join()) {
                live.computeIfAbsent(subscriber.filter(), f -> new ArrayList<>())
                        .add(subscriber);
            }
        }
        if (live.isEmpty()) {
            // nobody to hand anything to: those catching up read up to what is committed, the hub starts from them
            position = null;
            return false;
        }
        LiveSql.Ranges ranges = LiveReader.ranges(from, committed, config.batch());
        if (ranges == null) {
            position = from;
            return false;
        }
        Position end = LiveReader.end(from, ranges);
        for (Map.Entry<EventFilter, List<Subscriber>> group : live.entrySet()) {
            List<LiveItem> items = reader.read(group.getKey(), ranges);
            group.getValue().forEach(s -> s.offer(items, end, true));
        }
        position = end;
        return !end.covers(committed);
    }

    private void heartbeats() {
        for (Subscriber subscriber : subscribers.values()) {
            if (subscriber.sink().isClosed()) {
                closed(subscriber.sink());
            } else {
                subscriber.heartbeat();
            }
        }
    }
}
