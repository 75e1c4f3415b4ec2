package dev.annals.relay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Timelines whose records Kafka refused, each held back until its retry time (doubling from {@code base} up to
 * {@code max}), so that one failing key or partition does not stall every other timeline. Held-back timelines
 * keep all their outbox rows, so when retried they start again from their oldest row.
 */
final class TimelineBackoff {
    /** More failing timelines than this is an outage of the cluster, not of a key: forget them all. */
    static final int MAX_TRACKED = 10_000;

    private record Entry(int failures, long retryAtNanos) {}

    private final long baseNanos;
    private final long maxNanos;
    private final Map<String, Entry> entries = new HashMap<>();

    TimelineBackoff(Duration base, Duration max) {
        this.baseNanos = Math.max(1, base.toNanos());
        this.maxNanos = Math.max(baseNanos, max.toNanos());
    }

    /** Timelines not to read now: their retry time has not come. */
    List<String> heldBack(long nowNanos) {
        List<String> held = new ArrayList<>();
        entries.forEach((timeline, entry) -> {
            if (entry.retryAtNanos() - nowNanos > 0) {
                held.add(timeline);
            }
        });
        return held;
    }

    /** The timeline's records were refused: hold it back for twice as long as last time. */
    void failed(String timeline, long nowNanos) {
        if (entries.size() >= MAX_TRACKED && !entries.containsKey(timeline)) {
            entries.clear();
        }
        Entry previous = entries.get(timeline);
        int failures = previous == null ? 1 : previous.failures() + 1;
        long delay = baseNanos << Math.min(failures - 1, 30);
        if (delay <= 0 || delay > maxNanos) {
            delay = maxNanos;
        }
        entries.put(timeline, new Entry(failures, nowNanos + delay));
    }

    /** The timeline's records were all acknowledged. */
    void succeeded(String timeline) {
        entries.remove(timeline);
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
    }
}
