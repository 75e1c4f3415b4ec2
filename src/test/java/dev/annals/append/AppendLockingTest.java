package dev.annals.append;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Locks in the append: a timeline row held by another transaction makes an append wait at most the lock timeout,
 * then 503 with nothing written; appends reusing event ids in opposite order never deadlock into a 500.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class AppendLockingTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTimelineLockedPastTheLockTimeoutIs503AndNothingIsWritten() throws Exception {
        String timeline = Fixtures.timeline("locked");
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("before", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        String other = Fixtures.timeline("not-locked");
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock =
                    holder.prepareStatement("select version from timeline where timeline_id = ? for update")) {
                lock.setString(1, timeline);
                lock.executeQuery().close();
            }
            given().contentType(ContentType.JSON)
                    .body(Fixtures.statements("blocked", 2))
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://annals.dev/problems/service-unavailable"));
            // other timelines are not held up
            given().contentType(ContentType.JSON)
                    .body(Fixtures.statements("free", 1))
                    .post("/v1/timelines/{t}/events", other)
                    .then()
                    .statusCode(201);
            holder.rollback();
        }
        given().get("/v1/timelines/{t}", timeline).then().statusCode(200).body("version", equalTo(1));
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("after", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .body("version", equalTo(2));
    }

    @Test
    void eventIdsReusedInOppositeOrderAre409NeverA500AndCountAsConflicts() throws Exception {
        double failedBefore = metric("outcome=\"failed\"");
        double conflictsBefore = metric("outcome=\"conflict\"");
        int pairs = 40;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (Map<String, Object> event : Fixtures.statements("crossed", 6)) {
                events.add(new HashMap<>(event));
            }
            List<Map<String, Object>> reversed = new ArrayList<>(events);
            java.util.Collections.reverse(reversed);
            for (List<Map<String, Object>> body : List.of(events, reversed)) {
                String timeline = Fixtures.timeline("crossed");
                statuses.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON)
                            .body(body)
                            .post("/v1/timelines/{t}/events", timeline)
                            .statusCode();
                }));
            }
        }
        start.countDown();
        int created = 0;
        int conflicts = 0;
        for (int i = 0; i < statuses.size(); i += 2) {
            List<Integer> pair =
                    List.of(statuses.get(i).get(), statuses.get(i + 1).get());
            assertEquals(List.of(201, 409), pair.stream().sorted().toList(), "one of each pair wins: " + pair);
            created++;
            conflicts++;
        }
        pool.shutdown();
        assertEquals(pairs, created);
        assertEquals(failedBefore, metric("outcome=\"failed\""), "no conflict is counted as a failure");
        assertTrue(metric("outcome=\"conflict\"") >= conflictsBefore + conflicts);
    }

    private static double metric(String labels) {
        String body = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^annals_appends_total(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(body);
        double sum = 0;
        while (m.find()) {
            if (m.group(1) != null && m.group(1).contains(labels)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
