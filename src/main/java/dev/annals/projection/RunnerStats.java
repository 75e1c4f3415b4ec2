package dev.annals.projection;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Live figures of one projector runner, read by the status endpoint from another thread. */
final class RunnerStats {
    final AtomicLong applied = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    private final Map<Integer, Long> positions = new TreeMap<>();
    private final Map<Integer, Long> endOffsets = new TreeMap<>();
    private volatile String state = "starting";
    private volatile String lastError;
    private volatile OffsetDateTime lastErrorAt;

    synchronized void offsets(Map<Integer, Long> positions, Map<Integer, Long> endOffsets) {
        this.positions.clear();
        this.positions.putAll(positions);
        this.endOffsets.clear();
        this.endOffsets.putAll(endOffsets);
    }

    synchronized Map<Integer, Long> positions() {
        return new TreeMap<>(positions);
    }

    synchronized Map<Integer, Long> endOffsets() {
        return new TreeMap<>(endOffsets);
    }

    void state(String state) {
        this.state = state;
    }

    String state() {
        return state;
    }

    void error(Exception e) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        lastErrorAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    String lastError() {
        return lastError;
    }

    OffsetDateTime lastErrorAt() {
        return lastErrorAt;
    }
}
