package dev.annals.live;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live feed through real Kafka and PostgreSQL: events, corrections and retractions under their names, only
 * what the filter matches, and a reconnection with Last-Event-ID (or lastEventId) that neither misses nor repeats
 * an event while appends go on, across the hand-over from catch-up to live.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class LiveFeedTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LiveHub hub;

    @AfterEach
    void everyStreamIsClosed() {
        LiveLimitsTest.awaitSubscribers(hub, 0);
    }

    @Test
    void aClientThatReconnectsWithItsLastIdGetsEveryEventExactlyOnce() throws Exception {
        String timeline = Fixtures.timeline("live-resume");
        List<String> appended = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<SseMessage> first;
        Thread appender;
        // a witness stays connected throughout, so the hub moves on while the other client catches up
        SseClient witness = SseClient.connected("timeline=" + timeline, null);
        try (SseClient client = SseClient.connected("timeline=" + timeline, null)) {
            appender = new Thread(() -> {
                try {
                    for (int i = 0; i < 30; i++) {
                        appended.addAll(append(timeline, Fixtures.statements("Live " + i, 5)));
                        Thread.sleep(40);
                    }
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            appender.start();
            first = client.events(Duration.ofSeconds(60), events -> events.size() >= 40);
        }
        assertEquals(40, first.size(), "events before the disconnection");
        String lastId = first.get(first.size() - 1).id();
        Thread.sleep(500); // appends go on while the client is away: it resumes by catching up

        List<SseMessage> rest;
        try (SseClient client = SseClient.connected("timeline=" + timeline, lastId)) {
            rest = client.events(Duration.ofSeconds(90), events -> first.size() + events.size() >= 150);
            appender.join();
            assertEquals(null, failed.get());
            rest = new ArrayList<>(rest);
            rest.addAll(client.events(Duration.ofMillis(2500), events -> false));
        }
        try (witness) {
            assertEquals(
                    appended,
                    witness.events(Duration.ofSeconds(30), e -> e.size() >= 150).stream()
                            .map(LiveFeedTest::eventId)
                            .toList(),
                    "the witness got every event once");
        }
        List<String> received = Stream.concat(first.stream(), rest.stream())
                .map(LiveFeedTest::eventId)
                .toList();
        assertEquals(150, appended.size());
        assertEquals(new HashSet<>(appended), new HashSet<>(received), "no gap");
        assertEquals(150, received.size(), "no duplicate");
        assertEquals(appended, received, "one timeline: in its order");
        assertTrue(Stream.concat(first.stream(), rest.stream()).allMatch(m -> "event".equals(m.event())));

        // a client that cannot set headers names the position as a parameter, and gets the same events
        try (SseClient client = SseClient.connected("timeline=" + timeline + "&lastEventId=" + lastId, null)) {
            List<SseMessage> again = client.events(Duration.ofSeconds(30), events -> events.size() >= 110);
            assertEquals(
                    rest.stream().map(LiveFeedTest::eventId).toList(),
                    again.stream().map(LiveFeedTest::eventId).toList());
        }
    }

    @Test
    void correctionsAndRetractionsArriveUnderTheirOwnNames() throws Exception {
        String timeline = Fixtures.timeline("live-changes");
        try (SseClient client = SseClient.connected("timeline=" + timeline, null)) {
            List<String> ids = append(timeline, Fixtures.statements("Changing", 2));
            assertEquals(
                    2, client.events(Duration.ofSeconds(30), e -> e.size() >= 2).size());
            given().contentType(ContentType.JSON)
                    .body(Map.of("changes", Map.of("title", "x"), "reason", "r"))
                    .post("/v1/events/{id}/corrections", ids.get(0))
                    .then()
                    .statusCode(201);
            given().contentType(ContentType.JSON)
                    .body(Map.of("reason", "r"))
                    .post("/v1/events/{id}/retractions", ids.get(1))
                    .then()
                    .statusCode(201);
            List<SseMessage> changes = client.events(Duration.ofSeconds(30), e -> e.size() >= 2);
            assertEquals(
                    List.of("corrected", "retracted"),
                    changes.stream().map(SseMessage::event).toList());
            JsonNode corrected = JSON.readTree(changes.get(0).data());
            assertEquals("event-corrected", type(corrected.get("change")));
            assertEquals(ids.get(0), corrected.get("event").get("id").asText());
            assertEquals("x", corrected.get("event").get("title").asText());
            assertTrue(corrected.get("event").get("corrected").asBoolean());
            JsonNode retracted = JSON.readTree(changes.get(1).data());
            assertEquals("event-retracted", type(retracted.get("change")));
            assertEquals(ids.get(1), retracted.get("event").get("id").asText());
            assertTrue(retracted.get("event").get("retracted").asBoolean());
        }
    }

    @Test
    void filtersDeliverOnlyMatchingEventsAndAChangeThatMovesAnEventOut() throws Exception {
        String timeline = Fixtures.timeline("live-filter");
        String other = Fixtures.timeline("live-other");
        String tag = "live-" + timeline.substring(timeline.length() - 8);
        try (SseClient byTimeline = SseClient.connected("timeline=" + timeline, null);
                SseClient byTag = SseClient.connected("timeline=" + timeline + "&tag=" + tag, null)) {
            List<Map<String, Object>> events = Fixtures.statements("Filtered", 4);
            events.get(1).put("tags", List.of(tag));
            events.get(3).put("tags", List.of(tag, "statement"));
            append(other, Fixtures.statements("Elsewhere", 3));
            List<String> ids = append(timeline, events);
            append(other, Fixtures.statements("Elsewhere later", 2));
            given().contentType(ContentType.JSON)
                    .body(Map.of("changes", Map.of("tags", List.of("statement")), "reason", "not that tag"))
                    .post("/v1/events/{id}/corrections", ids.get(1))
                    .then()
                    .statusCode(201);
            // the last event matches both: whatever came before it is all that came
            List<String> marker = append(timeline, withTag(tag));

            List<SseMessage> all = byTimeline.events(Duration.ofSeconds(30), e -> contains(e, marker.get(0)));
            assertEquals(
                    List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(1), marker.get(0)),
                    all.stream().map(LiveFeedTest::eventId).toList());
            List<SseMessage> tagged = byTag.events(Duration.ofSeconds(30), e -> contains(e, marker.get(0)));
            assertEquals(
                    List.of("event", "event", "corrected", "event"),
                    tagged.stream().map(SseMessage::event).toList());
            assertEquals(
                    List.of(ids.get(1), ids.get(3), ids.get(1), marker.get(0)),
                    tagged.stream().map(LiveFeedTest::eventId).toList(),
                    "the correction that moved an event out of the filter is sent");
        }
    }

    @Test
    void aQuietStreamGetsHeartbeatsCarryingItsPosition() {
        String timeline = Fixtures.timeline("live-quiet");
        try (SseClient client = SseClient.connected("timeline=" + timeline, null)) {
            append(Fixtures.timeline("live-noise"), Fixtures.statements("Noise", 2));
            SseMessage beat = client.next(Duration.ofSeconds(10));
            assertNotNull(beat, "a heartbeat within annals.live.heartbeat (1s in tests)");
            assertEquals("heartbeat", beat.comment());
            assertEquals(null, beat.data());
        }
    }

    static List<Map<String, Object>> withTag(String tag) {
        Map<String, Object> event = Fixtures.statement("Marker");
        event.put("tags", List.of(tag));
        return List.of(event);
    }

    static boolean contains(List<SseMessage> events, String id) {
        return events.stream().anyMatch(m -> id.equals(eventId(m)));
    }

    static String type(JsonNode event) {
        return event.get("type").asText();
    }

    /** The id of the event a message is about (the event itself, or the one a change names). */
    static String eventId(SseMessage message) {
        try {
            JsonNode data = JSON.readTree(message.data());
            return (data.has("event") ? data.get("event") : data).get("id").asText();
        } catch (Exception e) {
            throw new AssertionError(message.data(), e);
        }
    }

    /** Appends and answers the ids in order. */
    static List<String> append(String timeline, List<Map<String, Object>> events) {
        given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        return events.stream().map(e -> (String) e.get("id")).toList();
    }
}
