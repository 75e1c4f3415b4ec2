package dev.annals.projection;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A blue/green rebuild replays the topic while queries keep seeing the complete timeline. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class RebuildTest {

    @Test
    void queriesDuringARebuildAlwaysReturnTheFullTimeline() throws Exception {
        String timeline = Fixtures.timeline("rebuild");
        String position = given().contentType(ContentType.JSON)
                .body(Fixtures.statements("kept", 30))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200);
        int generationBefore = given().get("/v1/projections").then().extract().path("items[0].activeGeneration");

        AtomicBoolean querying = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        Thread reader = new Thread(() -> {
            while (querying.get()) {
                List<Object> events = given().queryParam("limit", 500)
                        .get("/v1/timelines/{t}/events", timeline)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items");
                sizes.add(events.size());
            }
        });
        reader.start();
        try {
            given().post("/v1/projections/timeline/rebuild").then().statusCode(202);
            long deadline = System.currentTimeMillis() + 60_000;
            int active = generationBefore;
            while (active == generationBefore && System.currentTimeMillis() < deadline) {
                Thread.sleep(100);
                active = given().get("/v1/projections").then().extract().path("items[0].activeGeneration");
            }
            assertTrue(active > generationBefore, "the rebuild switched generations");
            Thread.sleep(300);
        } finally {
            querying.set(false);
            reader.join();
        }
        assertTrue(sizes.size() > 3, "queries ran during the rebuild: " + sizes.size());
        assertTrue(sizes.stream().allMatch(n -> n == 30), "every query saw all 30 events: " + sizes);
        List<String> titles = given().queryParam("limit", 500)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .extract()
                .jsonPath()
                .getList("items.title");
        assertEquals(30, titles.size());
        assertEquals(30, titles.stream().distinct().count());
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("after the switch", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        given().queryParam("waitFor", timeline + ":31")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200);
    }
}
