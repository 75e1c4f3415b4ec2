package dev.annals.live;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the live feed refuses and whom it drops: a client too slow for its buffer (annals.live.buffer, 64 in tests)
 * is disconnected with a final overflow event while a fast one on the same instance gets everything; bad
 * parameters and one stream too many are answered with problems before any stream starts.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class LiveLimitsTest {
    private static final int EVENTS = 1500;

    @Inject
    LiveHub hub;

    @Test
    void aClientThatDoesNotReadIsDroppedWithOverflowWhileAFastOneKeepsUp() throws Exception {
        String timeline = Fixtures.timeline("live-slow");
        awaitSubscribers(0);
        try (RawStream slow = new RawStream("timeline=" + timeline);
                SseClient fast = SseClient.connected("timeline=" + timeline, null)) {
            awaitSubscribers(2);
            List<String> appended = new ArrayList<>();
            String summary = "A long summary that fills sockets. ".repeat(140);
            for (int batch = 0; batch < EVENTS / 100; batch++) {
                List<Map<String, Object>> events = Fixtures.statements("Flood " + batch, 100);
                events.forEach(e -> e.put("summary", summary));
                appended.addAll(LiveFeedTest.append(timeline, events));
            }
            List<SseMessage> received = fast.events(Duration.ofSeconds(120), e -> e.size() >= EVENTS);
            assertEquals(appended, received.stream().map(LiveFeedTest::eventId).toList(), "the fast client");

            List<SseMessage> slowMessages = slow.readAll();
            List<SseMessage> slowEvents =
                    slowMessages.stream().filter(SseMessage::isEvent).toList();
            SseMessage last = slowEvents.get(slowEvents.size() - 1);
            assertEquals("overflow", last.event(), "the slow client's last event");
            JsonNode overflow = LiveFeedTest.JSON.readTree(last.data());
            assertEquals("slow-consumer", overflow.get("reason").asText());
            List<SseMessage> before = slowEvents.subList(0, slowEvents.size() - 1);
            assertTrue(before.size() < EVENTS, "dropped before the end: " + before.size());
            String lastDelivered = slowMessages.stream()
                    .filter(m -> m.id() != null && m != last)
                    .reduce((a, b) -> b)
                    .orElseThrow()
                    .id();
            assertEquals(lastDelivered, overflow.get("lastEventId").asText(), "names the last id it got");
            assertEquals(
                    appended.subList(0, before.size()),
                    before.stream().map(LiveFeedTest::eventId).toList(),
                    "what it got, it got in order");
            assertEquals(new HashSet<>(appended).size(), EVENTS);

            // and it resumes from there without a gap
            try (SseClient resumed = SseClient.connected("timeline=" + timeline, lastDelivered)) {
                List<SseMessage> rest = resumed.events(Duration.ofSeconds(60), e -> e.size() >= EVENTS - before.size());
                assertEquals(
                        appended.subList(before.size(), EVENTS),
                        rest.stream().map(LiveFeedTest::eventId).toList());
            }
        }
    }

    @Test
    void badParametersAreProblemsBeforeTheStreamStarts() {
        awaitSubscribers(0);
        given().queryParam("from", "yesterday")
                .get("/v1/events/live")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("from"));
        given().queryParam("asOf", "2026-02-27T12:00:00Z")
                .get("/v1/events/live")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("asOf"));
        given().queryParam("include", "retracted")
                .get("/v1/events/live")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("include"));
        given().header("Last-Event-ID", "not-a-position")
                .get("/v1/events/live")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].header", equalTo("Last-Event-ID"));
        given().queryParam("lastEventId", "0-1.0-2")
                .get("/v1/events/live")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("lastEventId"));
        dev.annals.support.Api.anonymous().get("/v1/events/live").then().statusCode(401);
    }

    @Test
    void oneStreamBeyondMaxSubscribersIsRefusedWith503() {
        awaitSubscribers(0);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) { // annals.live.max-subscribers in tests
                open.add(SseClient.connected("type=nothing-live", null));
            }
            SseClient refused = SseClient.open("", null);
            assertEquals(503, refused.status());
            assertEquals("1", refused.header("Retry-After"));
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
            assertTrue(refused.body().contains("max-subscribers"));
        } finally {
            open.forEach(SseClient::close);
        }
        awaitSubscribers(0);
        given().get("/v1/events").then().statusCode(200).contentType(startsWith("application/json"));
    }

    private void awaitSubscribers(int expected) {
        awaitSubscribers(hub, expected);
    }

    /** Waits until the hub serves {@code expected} streams. */
    static void awaitSubscribers(LiveHub hub, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (hub.subscribers() != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(expected, hub.subscribers(), () -> "streams open on this instance: " + hub.describe());
    }
}
