package dev.annals.append;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key: a retry of a successful append gets the original answer, also for events sent without id, and
 * nothing is stored or published twice; the same key with another body is a 409; concurrent retries append once.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class IdempotencyKeyTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdempotencyPurge purge;

    /** Events without ids: only the key can tell a retry from a new append. */
    private static List<Map<String, Object>> withoutIds(String prefix, int count) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Map<String, Object> event : Fixtures.statements(prefix, count)) {
            Map<String, Object> copy = new HashMap<>(event);
            copy.remove("id");
            events.add(copy);
        }
        return events;
    }

    private static Response append(String timeline, String key, Object body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/v1/timelines/{t}/events", timeline);
    }

    @Test
    void aRetryAfterCommitGetsTheOriginalAnswerAndStoresNothing() {
        String timeline = Fixtures.timeline("key-retry");
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> body = withoutIds("keyed", 2);

        Response first = append(timeline, key, body);
        first.then().statusCode(201);
        assertNull(first.header("Idempotent-Replayed"));
        Response retry = append(timeline, key, body);
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("ETag", first.header("ETag"))
                .header("Location", first.header("Location"));
        assertEquals(first.jsonPath().getMap(""), retry.jsonPath().getMap(""), "the original answer, field by field");

        given().get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("items.id", equalTo(first.jsonPath().getList("events.id")));
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 2);
        records.addAll(TopicProbe.recordsWithin(timeline, Duration.ofMillis(500)).stream()
                .skip(2)
                .toList());
        assertEquals(
                first.jsonPath().getList("events.id"),
                records.stream().map(r -> TopicProbe.header(r, "ce_id")).toList(),
                "each event once on the topic");

        // without the key, the same body is a new append (its events have no ids)
        append(timeline, null, body).then().statusCode(201).body("version", equalTo(4));
    }

    @Test
    void theSameKeyWithAnotherBodyIs409AndStoresNothing() {
        String timeline = Fixtures.timeline("key-conflict");
        String key = "order-" + UUID.randomUUID();
        append(timeline, key, withoutIds("original", 1)).then().statusCode(201);

        append(timeline, key, withoutIds("changed", 1))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://annals.dev/problems/idempotency-key-conflict"))
                .body("errors[0].header", equalTo("Idempotency-Key"));
        given().get("/v1/timelines/{t}", timeline).then().statusCode(200).body("version", equalTo(1));

        // keys are scoped per timeline
        append(Fixtures.timeline("key-other"), key, withoutIds("changed", 1))
                .then()
                .statusCode(201);
    }

    @Test
    void concurrentRetriesWithOneKeyAppendOnce() throws Exception {
        String timeline = Fixtures.timeline("key-race");
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> body = withoutIds("raced", 3);
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                return append(timeline, key, body);
            }));
        }
        start.countDown();
        List<Object> ids = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            assertEquals(201, response.statusCode(), response.asString());
            ids.add(response.jsonPath().getList("events.id"));
        }
        pool.shutdown();
        assertEquals(1, ids.stream().distinct().count(), "every client got the same events");
        given().get("/v1/timelines/{t}", timeline).then().statusCode(200).body("version", equalTo(3));
    }

    @Test
    void aMalformedKeyIs400() {
        String timeline = Fixtures.timeline("key-bad");
        append(timeline, "k".repeat(256), withoutIds("bad key", 1))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].header", equalTo("Idempotency-Key"))
                .body("errors[0].rule", equalTo("maxLength"));
        append(timeline, "two words", withoutIds("bad key", 1))
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("pattern"));
        given().get("/v1/timelines/{t}", timeline).then().statusCode(404);
    }

    @Test
    void expiredKeysAreIgnoredAndPurged() throws Exception {
        String timeline = Fixtures.timeline("key-expired");
        String key = UUID.randomUUID().toString();
        append(timeline, key, withoutIds("long ago", 1)).then().statusCode(201);
        age(timeline, key, Duration.ofHours(25));

        // past the retention the key is free again: another body is appended, not a 409
        append(timeline, key, withoutIds("today", 1)).then().statusCode(201).body("version", equalTo(2));
        age(timeline, key, Duration.ofHours(25));
        purge.purge();
        assertEquals(0, keys(timeline));
    }

    private void age(String timeline, String key, Duration by) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("update append_idempotency set created_at = "
                        + "created_at - ?::interval where timeline_id = ? and idempotency_key = ?")) {
            update.setString(1, by.toSeconds() + " seconds");
            update.setString(2, timeline);
            update.setString(3, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    private int keys(String timeline) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement count =
                        c.prepareStatement("select count(*) from append_idempotency where timeline_id = ?")) {
            count.setString(1, timeline);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
