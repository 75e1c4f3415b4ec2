package dev.annals.relay;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * One timeline whose records the producer refuses (a fault injected for its key) does not stall the others:
 * they keep publishing, it is held back with all its events, and once the fault is lifted it is published whole
 * and in order.
 */
@QuarkusTest
@TestProfile(FailingTimelineTest.FaultyKey.class)
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class FailingTimelineTest {
    /** The relay's producer uses {@link FaultyPartitioner}. */
    public static class FaultyKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.partitioner.class", FaultyPartitioner.class.getName(),
                    "annals.relay.timeline-backoff-max", "2s",
                    "annals.relay.batch-size", "5");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aFailingTimelineIsHeldBackInOrderWhileTheOthersArePublished() throws Exception {
        String failing = Fixtures.timeline("faulty");
        List<String> healthy = List.of(Fixtures.timeline("healthy-a"), Fixtures.timeline("healthy-b"));
        Map<String, List<String>> ids = new java.util.HashMap<>();
        FaultyPartitioner.FAILING.add(failing);
        try {
            // more failing rows (12) than a round holds (5 here), interleaved with healthy ones
            for (int round = 0; round < 12; round++) {
                append(failing, 2, ids);
                for (String timeline : healthy) {
                    append(timeline, 2, ids);
                }
            }
            for (String timeline : healthy) {
                List<ConsumerRecord<String, String>> records = TopicProbe.records(
                        timeline, Duration.ofSeconds(30), r -> firstIds(r).size() >= 24);
                assertEquals(ids.get(timeline), firstIds(records), timeline + " is published whole, in order");
            }
            assertEquals(
                    List.of(),
                    TopicProbe.recordsWithin(failing, Duration.ofSeconds(1)),
                    "nothing of the failing timeline is published while it fails");
            assertEquals(12, outboxRows(failing), "every append of the failing timeline waits in the outbox");
            // a healthy append after the failure started is published promptly too
            String late = healthy.get(0);
            append(late, 1, ids);
            assertEquals(
                    ids.get(late),
                    firstIds(TopicProbe.records(
                            late, Duration.ofSeconds(30), r -> firstIds(r).size() >= 25)));
        } finally {
            FaultyPartitioner.FAILING.remove(failing);
        }
        List<ConsumerRecord<String, String>> records = TopicProbe.records(
                failing, Duration.ofSeconds(60), r -> firstIds(r).size() >= 24);
        assertEquals(ids.get(failing), firstIds(records), "once healed, the failing timeline is published in order");
        assertTrue(records.size() >= 24);
    }

    private static void append(String timeline, int count, Map<String, List<String>> ids) {
        List<Map<String, Object>> events = Fixtures.statements(timeline, count);
        given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        events.forEach(
                e -> ids.computeIfAbsent(timeline, t -> new ArrayList<>()).add((String) e.get("id")));
    }

    private long outboxRows(String timeline) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("select count(*) from outbox where timeline_id = ?")) {
            select.setString(1, timeline);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> firstIds(List<ConsumerRecord<String, String>> records) {
        Set<String> seen = new LinkedHashSet<>();
        records.forEach(r -> seen.add(TopicProbe.header(r, "ce_id")));
        return new ArrayList<>(seen);
    }
}
