package dev.annals.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The position token: round trips, refuses what it never sends, and moves only forwards. */
class PositionTest {

    @Test
    void aTokenRoundTripsInPartitionOrder() {
        Position position = new Position(Map.of(2, 0L, 0, 124L, 1, 57L));
        assertEquals("0-124.1-57.2-0", position.token());
        assertEquals(Optional.of(position), Position.parse("0-124.1-57.2-0"));
        assertEquals(Optional.of(new Position(Map.of(1, 5L, 0, 3L))), Position.parse("1-5.0-3"));
        assertEquals("0-0", Position.empty().token());
        assertEquals(0, Position.parse("0-0").orElseThrow().of(7));
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : new String[] {
            "",
            " ",
            "0",
            "0-",
            "-1",
            "0--1",
            "0-1.",
            ".0-1",
            "0-1..1-2",
            "0-1,1-2",
            "a-1",
            "0-1.0-2",
            "0-x",
            "1-99999999999999999999",
            "10000-1",
            "0-1 ",
            "0-1\n1-2"
        }) {
            assertEquals(Optional.empty(), Position.parse(bad), bad);
        }
        assertEquals(Optional.empty(), Position.parse(null));
        assertEquals(Optional.empty(), Position.parse("0-1.".repeat(20_000) + "0-1"));
    }

    @Test
    void positionsMoveForwardsAndCompareOnEveryPartition() {
        Position start = Position.parse("0-10.1-4").orElseThrow();
        assertEquals("0-11.1-4", start.after(0, 10).token());
        assertEquals("0-10.1-4", start.after(0, 3).token(), "an older record does not move it back");
        assertEquals("0-10.1-4.2-1", start.after(2, 0).token());
        Position hub = Position.parse("0-10.1-6").orElseThrow();
        assertFalse(start.covers(hub));
        assertTrue(hub.covers(start));
        assertTrue(start.covers(Position.empty()));
        assertEquals("0-10.1-6", start.max(hub).token());
        assertTrue(Position.parse("0-10.1-6.2-0").orElseThrow().covers(hub));
        assertEquals(
                "0-3.1-0.2-0",
                start.min(Position.parse("0-3.2-5").orElseThrow()).token());
        assertTrue(start.within(2, hub));
        assertFalse(start.within(1, hub));
        assertTrue(hub.within(0, start));
    }
}
