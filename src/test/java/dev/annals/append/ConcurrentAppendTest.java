package dev.annals.append;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency under contention: one writer wins, the rest get 412, the topic has no duplicates. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ConcurrentAppendTest {

    @Test
    void sixteenWritersWithTheSameExpectedVersionExactlyOneWins() throws Exception {
        String timeline = Fixtures.timeline("race");
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("base", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);

        List<Integer> results = race(16, i -> Fixtures.statements("writer " + i, 2), timeline, "\"1\"");

        Map<Integer, Long> byStatus = results.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 412, 15L), byStatus);
        given().get("/v1/timelines/{t}", timeline)
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(3));

        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 3);
        records.addAll(TopicProbe.recordsWithin(timeline, Duration.ofMillis(500)).stream()
                .skip(3)
                .toList());
        List<String> sequences =
                records.stream().map(r -> TopicProbe.header(r, "ce_sequence")).toList();
        assertEquals(List.of("1", "2", "3"), sequences);
    }

    @Test
    void concurrentFirstAppendsToANewTimelineAllLandGaplessly() throws Exception {
        String timeline = Fixtures.timeline("first-race");
        List<Integer> statuses = race(16, i -> Fixtures.statements("first " + i, 2), timeline, null);

        assertEquals(List.of(201), statuses.stream().distinct().toList());
        given().get("/v1/timelines/{t}", timeline)
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(32))
                .body("eventCount", org.hamcrest.Matchers.equalTo(32));
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 32);
        List<String> sequences =
                records.stream().map(r -> TopicProbe.header(r, "ce_sequence")).toList();
        assertEquals(
                java.util.stream.IntStream.rangeClosed(1, 32)
                        .mapToObj(Integer::toString)
                        .toList(),
                sequences);

        List<String> recorded = given().get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.recordedAt", String.class);
        List<java.time.Instant> instants = recorded.stream()
                .map(java.time.OffsetDateTime::parse)
                .map(java.time.OffsetDateTime::toInstant)
                .toList();
        assertEquals(instants.stream().sorted().toList(), instants, "recordedAt never decreases along the sequence");
    }

    @Test
    void concurrentRetriesOfOneAppendStoreItOnce() throws Exception {
        String timeline = Fixtures.timeline("retry-race");
        List<Map<String, Object>> body = Fixtures.statements("retried", 3);
        List<Integer> statuses = race(8, i -> body, timeline, null);

        assertEquals(List.of(201), statuses.stream().distinct().toList());
        given().get("/v1/timelines/{t}", timeline)
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(3));
    }

    /** Sends the bodies at once from as many threads (with {@code If-Match: ifMatch} unless null); the statuses. */
    private static List<Integer> race(
            int writers,
            java.util.function.IntFunction<List<Map<String, Object>>> bodies,
            String timeline,
            String ifMatch)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            List<Map<String, Object>> body = bodies.apply(i);
            statuses.add(pool.submit(() -> {
                start.await();
                var request = given().contentType(ContentType.JSON).body(body);
                if (ifMatch != null) {
                    request.header("If-Match", ifMatch);
                }
                return request.post("/v1/timelines/{t}/events", timeline).statusCode();
            }));
        }
        start.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            results.add(status.get());
        }
        pool.shutdown();
        return results;
    }
}
