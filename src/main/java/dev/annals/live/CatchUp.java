package dev.annals.live;

import dev.annals.query.LiveSql;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Brings a subscriber from its own position up to the hub's, one bounded page at a time with the very queries the
 * hub runs; the next page is read only once the previous one was written, so a slow client slows only itself.
 * At the hub position it is marked ready; the hub takes it in at its next step, which starts at the subscriber's
 * position when the hub moved on meanwhile, so no item falls between the last page and the first live one.
 */
final class CatchUp {
    private static final Logger LOG = Logger.getLogger(CatchUp.class);

    private final LiveReader reader;
    private final ScheduledExecutorService executor;
    private final Supplier<Position> hub;
    private final int batch;

    CatchUp(LiveReader reader, ScheduledExecutorService executor, Supplier<Position> hub, int batch) {
        this.reader = reader;
        this.executor = executor;
        this.hub = hub;
        this.batch = batch;
    }

    void submit(Subscriber subscriber) {
        schedule(subscriber, 0);
    }

    private void schedule(Subscriber subscriber, long delayMillis) {
        try {
            executor.schedule(() -> page(subscriber), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            subscriber.close();
        }
    }

    private void page(Subscriber subscriber) {
        if (subscriber.state() != SubscriberState.CATCHING_UP) {
            return;
        }
        try {
            Position target = hub.get();
            Position from = subscriber.position();
            LiveSql.Ranges ranges = LiveReader.ranges(from, target, batch);
            if (ranges == null) {
                subscriber.readyAt(target);
                return;
            }
            List<LiveItem> items = reader.read(subscriber.filter(), ranges);
            subscriber.offer(items, LiveReader.end(from, ranges), false);
            subscriber.whenDrained(() -> submit(subscriber));
        } catch (RuntimeException e) {
            LOG.debugf("Live catch-up failed (%s); retrying", e.getMessage());
            schedule(subscriber, 1_000);
        }
    }
}
