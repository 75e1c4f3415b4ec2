package dev.annals.projection;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Crashes around the batch transaction and projector restarts neither lose nor double-apply an event: the read
 * model ends up equal to what was appended, each event once.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ExactlyOnceTest {
    @Inject
    ProjectionStore store;

    @Inject
    TimelineProjector projector;

    /** Fails the first batch before it commits, the second right after it committed, then behaves. */
    static class CrashingStore extends ProjectionStore {
        final ProjectionStore real;
        final AtomicInteger calls = new AtomicInteger();

        CrashingStore(ProjectionStore real) {
            super(null, null);
            this.real = real;
        }

        @Override
        public Applied apply(
                int generation,
                boolean live,
                List<EventDecoder.Valid> batch,
                List<DeadLetters.DeadLetter> dead,
                Map<TopicPartition, Long> nextOffsets) {
            int call = calls.incrementAndGet();
            if (call == 1) {
                throw new IllegalStateException("simulated crash before commit");
            }
            Applied applied = real.apply(generation, live, batch, dead, nextOffsets);
            if (call == 2) {
                throw new IllegalStateException("simulated crash after commit");
            }
            return applied;
        }

        @Override
        public Map<Integer, Long> offsets(int generation, String topic) {
            return real.offsets(generation, topic);
        }

        @Override
        public int activeGeneration() {
            return real.activeGeneration();
        }
    }

    @Test
    void batchesFailingBeforeAndAfterCommitAreAppliedExactlyOnce() {
        // the injected client proxy would route back to the mock: hand the crashing store the bean itself
        CrashingStore crashing = new CrashingStore(io.quarkus.arc.ClientProxy.unwrap(store));
        QuarkusMock.installMockForType(crashing, ProjectionStore.class);
        String timeline = Fixtures.timeline("crash");
        List<String> titles = new ArrayList<>();
        String position = null;
        for (int i = 0; i < 4; i++) {
            var events = Fixtures.statements("crash " + i, 3);
            events.forEach(e -> titles.add((String) e.get("title")));
            position = given().contentType(ContentType.JSON)
                    .body(events)
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("position");
        }
        assertReadModelHolds(timeline, position, titles);
        assertTrue(crashing.calls.get() >= 2, "both simulated crashes happened");
    }

    /** A database that refuses one event (as it would an out-of-range value), like a constraint would. */
    static class RejectingStore extends ProjectionStore {
        final ProjectionStore real;

        RejectingStore(ProjectionStore real) {
            super(null, null);
            this.real = real;
        }

        @Override
        public Applied apply(
                int generation,
                boolean live,
                List<EventDecoder.Valid> batch,
                List<DeadLetters.DeadLetter> dead,
                Map<TopicPartition, Long> nextOffsets) {
            if (batch.stream().anyMatch(v -> v.event().title().equals("refused by the database"))) {
                throw new jakarta.persistence.PersistenceException(
                        "simulated",
                        new java.sql.SQLException("value too long for type character varying(200)", "22001"));
            }
            return real.apply(generation, live, batch, dead, nextOffsets);
        }

        @Override
        public Map<Integer, Long> offsets(int generation, String topic) {
            return real.offsets(generation, topic);
        }

        @Override
        public int activeGeneration() {
            return real.activeGeneration();
        }
    }

    @Test
    void anEventTheDatabaseRefusesIsDeadLetteredAndItsNeighboursProjected() {
        QuarkusMock.installMockForType(
                new RejectingStore(io.quarkus.arc.ClientProxy.unwrap(store)), ProjectionStore.class);
        long deadBefore =
                given().get("/v1/projections").then().extract().jsonPath().getLong("items[0].deadLettered");
        String timeline = Fixtures.timeline("db-refuses");
        var events = List.of(
                Fixtures.statement("before"),
                Fixtures.statement("refused by the database"),
                Fixtures.statement("after"));
        String position = given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        List<String> projected = given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title");
        assertEquals(List.of("before", "after"), projected);
        long deadAfter =
                given().get("/v1/projections").then().extract().jsonPath().getLong("items[0].deadLettered");
        assertEquals(deadBefore + 1, deadAfter, "the refused event went to the dead-letter topic");
    }

    @Test
    void stoppingTheProjectorMidStreamLosesAndDuplicatesNothing() {
        String timeline = Fixtures.timeline("restart");
        List<String> titles = new ArrayList<>();
        String position = null;
        for (int i = 0; i < 6; i++) {
            if (i == 2) {
                projector.stop();
            }
            if (i == 4) {
                projector.start();
            }
            var events = Fixtures.statements("restart " + i, 5);
            events.forEach(e -> titles.add((String) e.get("title")));
            position = given().contentType(ContentType.JSON)
                    .body(events)
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("position");
        }
        assertReadModelHolds(timeline, position, titles);
    }

    private static void assertReadModelHolds(String timeline, String position, List<String> titles) {
        List<String> projected = given().queryParam("waitFor", position)
                .queryParam("limit", 500)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title");
        assertEquals(titles, projected, "every event once, in order");
        List<Map<String, Object>> timelines = given().queryParam("limit", 500)
                .get("/v1/timelines")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Object> summary = timelines.stream()
                .filter(t -> timeline.equals(t.get("timelineId")))
                .findFirst()
                .orElseThrow();
        assertEquals(titles.size(), ((Number) summary.get("eventCount")).intValue());
        assertEquals(titles.size(), ((Number) summary.get("version")).intValue());
    }
}
