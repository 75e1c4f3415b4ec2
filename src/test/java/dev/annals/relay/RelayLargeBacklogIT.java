package dev.annals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.support.TopicIds;
import dev.annals.testing.AnnalsInfraResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A backlog larger than the heap: about 270 MiB of ~200 KiB events committed while Kafka is down, with the app's
 * heap capped at 256 MiB (and exit on OutOfMemoryError). Once Kafka returns, the relay publishes it whole and
 * in order, round after bounded round.
 */
class RelayLargeBacklogIT {
    private static final int APPENDS = 45;
    private static final int EVENTS_PER_APPEND = 30;

    @Test
    void aBacklogLargerThanTheHeapDrainsWholeAndInOrder() throws Exception {
        String timeline = Fixtures.timeline("heap-backlog");
        List<String> ids = new ArrayList<>();
        long bytes = 0;
        try (PackagedApp app = PackagedApp.start(
                "relay-large-backlog",
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                Map.of(
                        "ANNALS_PROJECTION_ENABLED", "false",
                        "ANNALS_RELAY_DELIVERY_TIMEOUT", "5s",
                        "ANNALS_RELAY_TIMELINE_BACKOFF_MAX", "5s",
                        // appends of 30 events of ~200 KiB (6 MB) build the backlog quickly
                        "ANNALS_HTTP_MAX_BODY_BYTES", "16777216"))) {
            AnnalsInfraResource.stopKafka();
            try {
                for (int a = 0; a < APPENDS; a++) {
                    List<Map<String, Object>> events = new ArrayList<>();
                    for (int i = 0; i < EVENTS_PER_APPEND; i++) {
                        events.add(large("backlog " + a + "-" + i));
                    }
                    String body = Fixtures.json(events);
                    bytes += body.length();
                    assertEquals(
                            201,
                            app.post("/v1/timelines/" + timeline + "/events", body)
                                    .statusCode());
                    events.forEach(e -> ids.add((String) e.get("id")));
                }
            } finally {
                AnnalsInfraResource.startKafka();
            }
            assertTrue(bytes > 256L * 1024 * 1024, "the backlog is larger than the heap: " + bytes + " bytes");
            awaitOutboxEmpty(timeline, 300_000);
            Map<String, List<String[]>> topic = TopicIds.read(
                    List.of(timeline), r -> firstOccurrences(r.get(timeline)).size() >= ids.size());
            assertEquals(ids, firstOccurrences(topic.get(timeline)), "every event, first occurrences in order");
            assertTrue(app.process().isAlive(), "the app did not run out of memory");
        }
    }

    /** A valid event of about 200 KiB: a hundred sources with long URLs, long summary, a hundred actors. */
    private static Map<String, Object> large(String title) {
        Map<String, Object> event = Fixtures.statement(title);
        event.put("summary", "s".repeat(5000));
        List<Map<String, Object>> actors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            actors.add(Map.of("id", "actor-" + i, "name", "n".repeat(150) + i));
        }
        event.put("actors", actors);
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sources.add(Map.of(
                    "publisher",
                    "Publisher " + i,
                    "url",
                    "https://example.org/" + i + "/" + "p".repeat(1750),
                    "reliability",
                    "reported"));
        }
        event.put("sources", sources);
        return event;
    }

    private static void awaitOutboxEmpty(String timeline, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        try (Connection db = AnnalsInfraResource.connect();
                PreparedStatement select = db.prepareStatement("select count(*) from outbox where timeline_id = ?")) {
            select.setString(1, timeline);
            while (true) {
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                assertTrue(System.currentTimeMillis() < deadline, "the backlog did not drain");
                Thread.sleep(500);
            }
        }
    }

    private static List<String> firstOccurrences(List<String[]> records) {
        Set<String> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(r[0]));
        return new ArrayList<>(ids);
    }
}
