package dev.annals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Failing timelines are held back with a doubling, capped backoff, and released once they succeed. */
class TimelineBackoffTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFailedTimelineIsHeldBackUntilItsRetryTimeDoublingUpToTheMax() {
        TimelineBackoff backoff = new TimelineBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        backoff.failed("x", 0);
        assertEquals(List.of("x"), backoff.heldBack(0));
        assertEquals(List.of("x"), backoff.heldBack(SECOND - 1));
        assertEquals(List.of(), backoff.heldBack(SECOND), "retried after 1 s");
        backoff.failed("x", SECOND);
        assertEquals(List.of("x"), backoff.heldBack(3 * SECOND - 1));
        assertEquals(List.of(), backoff.heldBack(3 * SECOND), "then after 2 s");
        backoff.failed("x", 3 * SECOND);
        backoff.failed("x", 7 * SECOND);
        assertEquals(List.of("x"), backoff.heldBack(12 * SECOND - 1), "capped at 5 s");
        assertEquals(List.of(), backoff.heldBack(12 * SECOND));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        TimelineBackoff backoff = new TimelineBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) {
            backoff.failed("x", 0);
        }
        backoff.succeeded("x");
        assertEquals(0, backoff.size());
        backoff.failed("x", 0);
        assertEquals(List.of(), backoff.heldBack(SECOND), "back to the base delay");
    }

    @Test
    void otherTimelinesAreNotHeldBack() {
        TimelineBackoff backoff = new TimelineBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        backoff.failed("x", 0);
        backoff.failed("y", 0);
        backoff.succeeded("y");
        assertEquals(List.of("x"), backoff.heldBack(0));
    }

    @Test
    void tooManyFailingTimelinesAreAnOutageAndForgotten() {
        TimelineBackoff backoff = new TimelineBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
        for (int i = 0; i < TimelineBackoff.MAX_TRACKED; i++) {
            backoff.failed("t" + i, 0);
        }
        assertEquals(TimelineBackoff.MAX_TRACKED, backoff.size());
        backoff.failed("one-more", 0);
        assertEquals(1, backoff.size());
    }

    @Test
    void keepalivesDropASilentPeerWithinTheSessionTimeout() {
        KeepaliveSettings settings = KeepaliveSettings.forTimeout(Duration.ofSeconds(30));
        assertEquals(new KeepaliveSettings(10, 5, 4, 30_000), settings);
        assertEquals(30, settings.keepaliveSeconds());
        KeepaliveSettings tiny = KeepaliveSettings.forTimeout(Duration.ofMillis(10));
        assertEquals(new KeepaliveSettings(1, 1, 4, 3_000), tiny, "at least 3 s, probes at least 1 s apart");
        KeepaliveSettings minute = KeepaliveSettings.forTimeout(Duration.ofMinutes(1));
        assertEquals(60, minute.keepaliveSeconds());
    }
}
