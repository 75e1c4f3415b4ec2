package dev.annals.relay;

import java.time.Duration;

/**
 * Server-side TCP settings of the relay session: PostgreSQL probes an idle peer after {@code idleSeconds}, every
 * {@code intervalSeconds}, gives up after {@code count} unanswered probes, and drops a connection whose sent data
 * stays unacknowledged for {@code userTimeoutMillis}; either way a dead relay's session, and so its lock, is gone
 * within about the session timeout.
 */
public record KeepaliveSettings(int idleSeconds, int intervalSeconds, int count, int userTimeoutMillis) {
    static final int PROBES = 4;

    /** Settings that drop a dead peer's session within {@code timeout} (at least 3 seconds). */
    public static KeepaliveSettings forTimeout(Duration timeout) {
        int seconds = (int) Math.max(3, Math.min(Integer.MAX_VALUE / 1000, timeout.toSeconds()));
        int idle = Math.max(1, seconds / 3);
        int interval = Math.max(1, (seconds - idle) / PROBES);
        return new KeepaliveSettings(idle, interval, PROBES, seconds * 1000);
    }

    /** The longest time, in seconds, PostgreSQL keeps the session of a silent peer by keepalives. */
    public int keepaliveSeconds() {
        return idleSeconds + intervalSeconds * count;
    }
}
