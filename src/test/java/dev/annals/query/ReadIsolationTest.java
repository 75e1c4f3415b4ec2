package dev.annals.query;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Queries run on their own bounded pool with a statement timeout: reads stuck in the database are cut off with
 * 503 problem+json and Retry-After, and appends, on the write pool, keep being accepted meanwhile.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ReadIsolationTest {
    /** More than the read pool's 10 connections. */
    private static final int STUCK_READS = 16;

    @Test
    void stuckReadsAreCutOffAndNeverStarveAppends() throws Exception {
        List<Response> answers = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(STUCK_READS);
        try (Connection lock = AnnalsInfraResource.connect()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                // every read-model query now blocks in PostgreSQL, as a pathological slow query would
                statement.execute("lock table read_event in access exclusive mode");
            }
            List<Future<Response>> reads = new ArrayList<>();
            for (int i = 0; i < STUCK_READS; i++) {
                reads.add(readers.submit(() -> given().get("/v1/events")));
            }
            Thread.sleep(500);
            for (int i = 0; i < 3; i++) {
                given().contentType(ContentType.JSON)
                        .body(Fixtures.statements("while reads are stuck", 1))
                        .post("/v1/timelines/{t}/events", Fixtures.timeline("read-isolation"))
                        .then()
                        .statusCode(201);
            }
            for (Future<Response> read : reads) {
                answers.add(read.get(30, TimeUnit.SECONDS));
            }
            lock.rollback();
        } finally {
            readers.shutdownNow();
        }
        int cutOff = 0;
        for (Response answer : answers) {
            assertEquals(503, answer.statusCode(), answer.asString());
            assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
            assertNotNull(answer.header("Retry-After"), "503 without Retry-After");
            String type = answer.path("type");
            assertTrue(
                    type.endsWith("/statement-timeout") || type.endsWith("/service-unavailable"),
                    "a stuck read is cut off at the statement timeout or waits at most the read pool's timeout: "
                            + type);
            cutOff += type.endsWith("/statement-timeout") ? 1 : 0;
        }
        assertTrue(cutOff > 0, "no read was cancelled at the statement timeout");
        given().get("/v1/events").then().statusCode(200);
    }

    @Test
    void aStuckJournalReadIsCutOffToo() throws Exception {
        String timeline = Fixtures.timeline("journal-timeout");
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("to read back", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        try (Connection lock = AnnalsInfraResource.connect()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table journal in access exclusive mode");
            }
            given().get("/v1/timelines/{t}/stream", timeline)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", endsWith("/statement-timeout"));
            lock.rollback();
        }
        given().get("/v1/timelines/{t}/stream", timeline).then().statusCode(200);
    }
}
