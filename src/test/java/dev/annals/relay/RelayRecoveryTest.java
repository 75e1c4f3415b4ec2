package dev.annals.relay;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Events committed while the relay or the broker is down are published afterwards: none lost, in order. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class RelayRecoveryTest {
    @Inject
    OutboxRelay relay;

    private static List<String> appendBatches(String timeline, int batches) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            List<Map<String, Object>> events = Fixtures.statements("batch " + i, 2);
            given().contentType(ContentType.JSON)
                    .body(events)
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(201);
            events.forEach(e -> ids.add((String) e.get("id")));
        }
        return ids;
    }

    /** First occurrence of each sequence, in topic order: what a consumer deduplicating by ce_id applies. */
    private static List<String> dedupedIds(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new LinkedHashSet<>();
        records.forEach(r -> ids.add(TopicProbe.header(r, "ce_id")));
        return new ArrayList<>(ids);
    }

    @Test
    void eventsCommittedWhileTheRelayIsStoppedArePublishedWhenItRestarts() {
        String timeline = Fixtures.timeline("relay-down");
        relay.stop();
        List<String> ids;
        try {
            ids = appendBatches(timeline, 3);
            assertEquals(
                    0,
                    TopicProbe.recordsWithin(timeline, Duration.ofSeconds(1)).size(),
                    "nothing may be published while the relay is stopped");
        } finally {
            relay.start();
        }
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(30), r -> r.size() >= 6);
        assertEquals(ids, dedupedIds(records));
        assertEquals(6, records.size(), "a clean restart publishes each event exactly once");
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownArePublishedWhenItReturns() {
        String timeline = Fixtures.timeline("broker-down");
        List<String> before = appendBatches(timeline, 1);
        TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 2);

        AnnalsInfraResource.stopKafka();
        List<String> during;
        try {
            during = appendBatches(timeline, 3);
            given().get("/v1/timelines/{t}", timeline)
                    .then()
                    .statusCode(200)
                    .body("version", org.hamcrest.Matchers.equalTo(8));
        } finally {
            AnnalsInfraResource.startKafka();
        }
        List<String> expected = new ArrayList<>(before);
        expected.addAll(during);
        List<ConsumerRecord<String, String>> records = TopicProbe.records(
                timeline, Duration.ofSeconds(60), r -> dedupedIds(r).size() >= expected.size());
        assertEquals(expected, dedupedIds(records), "every event, each in sequence order after dedupe");
        assertTrue(records.size() >= expected.size());
    }

    @Test
    void aBacklogLargerThanOneRoundIsPublishedWholeAndInOrder() {
        String timeline = Fixtures.timeline("relay-bytes");
        relay.stop();
        List<String> ids = new ArrayList<>();
        try {
            // ~10 MiB in seven appends of ~1.5 MB (each under annals.http.max-body-bytes): over the round's byte cap
            for (int count : new int[] {50, 50, 50, 50, 50, 50, 50}) {
                List<Map<String, Object>> events = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    events.add(large("large " + i));
                }
                given().contentType(ContentType.JSON)
                        .body(events)
                        .post("/v1/timelines/{t}/events", timeline)
                        .then()
                        .statusCode(201);
                events.forEach(e -> ids.add((String) e.get("id")));
            }
        } finally {
            relay.start();
        }
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(60), r -> r.size() >= ids.size());
        assertEquals(ids, dedupedIds(records));
    }

    /** A valid event of about 40 KiB: a long summary and a hundred actors with long names. */
    private static Map<String, Object> large(String title) {
        Map<String, Object> event = Fixtures.statement(title);
        event.put("summary", "s".repeat(5000));
        List<Map<String, Object>> actors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            actors.add(Map.of("id", "actor-" + i, "name", "n".repeat(190) + i));
        }
        event.put("actors", actors);
        return event;
    }
}
