package dev.annals.append;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.annals.event.Precision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The content hash tells a retry from a different event; the fingerprint does the same for a whole body. */
class ContentHashTest {
    private static NewEvent event(UUID id, String occurredAt) {
        return new NewEvent(
                id,
                "statement-issued",
                null,
                OffsetDateTime.parse(occurredAt),
                Precision.DAY,
                "A statement",
                null,
                List.of(),
                List.of(),
                List.of(),
                JsonNodeFactory.instance.objectNode().put("quote", "q"));
    }

    @Test
    void theSameInstantInAnotherOffsetIsAnotherEvent() {
        // the same instant, but "the 26th" in New York is the 27th in UTC: another precision interval
        String newYork = ContentHash.of("t", event(null, "2026-02-26T22:00:00-05:00"));
        String utc = ContentHash.of("t", event(null, "2026-02-27T03:00:00Z"));
        assertNotEquals(newYork, utc);
    }

    @Test
    void theSameContentHashesTheSame() {
        assertEquals(
                ContentHash.of("t", event(UUID.randomUUID(), "2026-02-26T22:00:00-05:00")),
                ContentHash.of("t", event(UUID.randomUUID(), "2026-02-26T22:00:00.000-05:00")));
        assertNotEquals(
                ContentHash.of("t", event(null, "2026-02-26T22:00:00-05:00")),
                ContentHash.of("u", event(null, "2026-02-26T22:00:00-05:00")));
    }

    @Test
    void theFingerprintCoversIdsAsSentContentAndOrder() {
        NewEvent a = event(null, "2026-02-26T22:00:00-05:00");
        NewEvent b = event(null, "2026-02-27T22:00:00-05:00");
        List<String> ab = List.of(ContentHash.of("t", a), ContentHash.of("t", b));
        String fingerprint = ContentHash.fingerprint(List.of(a, b), ab);
        assertEquals(fingerprint, ContentHash.fingerprint(List.of(a, b), ab));
        assertNotEquals(fingerprint, ContentHash.fingerprint(List.of(b, a), List.of(ab.get(1), ab.get(0))));
        NewEvent withId = event(UUID.randomUUID(), "2026-02-26T22:00:00-05:00");
        assertNotEquals(
                fingerprint,
                ContentHash.fingerprint(List.of(withId, b), List.of(ContentHash.of("t", withId), ab.get(1))));
    }
}
