package dev.annals.append;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class AppendApiTest {

    static Response append(String timeline, Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/timelines/{t}/events", timeline);
    }

    @Test
    void appendsAndReadsBackInOrder() {
        String timeline = Fixtures.timeline("read-back");
        List<Map<String, Object>> events = Fixtures.statements("event", 3);

        append(timeline, events)
                .then()
                .statusCode(201)
                .header("ETag", "W/\"3\"")
                .header("Location", endsWith("/v1/timelines/" + timeline + "/stream/1"))
                .body("timelineId", equalTo(timeline))
                .body("version", equalTo(3))
                .body("position", equalTo(timeline + ":3"))
                .body(
                        "events.id",
                        contains(
                                events.get(0).get("id"),
                                events.get(1).get("id"),
                                events.get(2).get("id")))
                .body("events.sequence", contains(1, 2, 3))
                .body("events[0].recordedAt", notNullValue());

        given().get("/v1/timelines/{t}", timeline)
                .then()
                .statusCode(200)
                .header("ETag", "W/\"3\"")
                .body("version", equalTo(3))
                .body("eventCount", equalTo(3))
                .body("eventCountsByType.statement-issued", equalTo(3))
                .body("firstOccurredAt", equalTo("2026-02-26T23:00:00Z"));

        given().get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(200)
                .body("version", equalTo(3))
                .body("items.sequence", contains(1, 2, 3))
                .body("items.title", contains("event 1", "event 2", "event 3"))
                .body("items[0].data.quote", equalTo("threats do not change our position"))
                .body("items[0].actors[0].id", equalTo("dario-amodei"))
                .body("items[0].sources[0].reliability", equalTo("confirmed"))
                .body("items[0].occurredAtPrecision", equalTo("hour"))
                .body("nextSequence", equalTo(null));
    }

    @Test
    void pagesTheStreamWithNextSequenceAndLink() {
        String timeline = Fixtures.timeline("paging");
        append(timeline, Fixtures.statements("page", 5)).then().statusCode(201);

        given().queryParam("limit", 2)
                .get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(200)
                .body("items.sequence", contains(1, 2))
                .body("nextSequence", equalTo(3))
                .header("Link", startsWith("<"))
                .header("Link", org.hamcrest.Matchers.containsString("fromSequence=3"));
        given().queryParam("fromSequence", 5)
                .queryParam("limit", 2)
                .get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(200)
                .body("items.sequence", contains(5))
                .body("nextSequence", equalTo(null));
        given().get("/v1/timelines/{t}/stream/4", timeline)
                .then()
                .statusCode(200)
                .body("sequence", equalTo(4))
                .body("title", equalTo("page 4"));
        given().get("/v1/timelines/{t}/stream/9", timeline)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void staleIfMatchIs412WithCurrentVersionAndStoresNothing() {
        String timeline = Fixtures.timeline("concurrency");
        append(timeline, Fixtures.statements("first", 2)).then().statusCode(201);

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Fixtures.statements("late", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://annals.dev/problems/version-conflict"))
                .body("status", equalTo(412))
                .body("currentVersion", equalTo(2));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(Fixtures.statements("on time", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .header("ETag", "W/\"3\"");
        given().get("/v1/timelines/{t}", timeline).then().body("version", equalTo(3));
    }

    @Test
    void ifNoneMatchStarRequiresANewTimeline() {
        String timeline = Fixtures.timeline("create-only");
        given().contentType(ContentType.JSON)
                .header("If-None-Match", "*")
                .body(Fixtures.statements("a", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .header("If-None-Match", "*")
                .body(Fixtures.statements("b", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(412)
                .body("currentVersion", equalTo(1));
        String absent = Fixtures.timeline("absent");
        given().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Fixtures.statements("c", 1))
                .post("/v1/timelines/{t}/events", absent)
                .then()
                .statusCode(412)
                .body("currentVersion", equalTo(0));
        given().get("/v1/timelines/{t}", absent).then().statusCode(404);
    }

    @Test
    void identicalRetryReturnsTheOriginalAnswerAndStoresNothing() {
        String timeline = Fixtures.timeline("idempotent");
        List<Map<String, Object>> events = Fixtures.statements("once", 2);
        Response first = append(timeline, events);
        first.then().statusCode(201);

        Response retry = append(timeline, events);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").header("ETag", "W/\"2\"");
        assertEquals(first.jsonPath().getMap("$"), retry.jsonPath().getMap("$"));
        given().get("/v1/timelines/{t}", timeline).then().body("version", equalTo(2));
    }

    @Test
    void reusedIdWithOtherContentIsAConflict() {
        String timeline = Fixtures.timeline("reuse");
        Map<String, Object> event = Fixtures.statement("original");
        append(timeline, List.of(event)).then().statusCode(201);

        Map<String, Object> changed = new java.util.HashMap<>(event);
        changed.put("title", "changed");
        append(timeline, List.of(changed))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://annals.dev/problems/idempotency-conflict"));
        append(Fixtures.timeline("other"), List.of(event)).then().statusCode(409);
        given().get("/v1/timelines/{t}/stream", timeline)
                .then()
                .body("items", hasSize(1))
                .body("items[0].title", equalTo("original"));
    }

    @Test
    void unknownTimelineIsAProblem() {
        given().get("/v1/timelines/{t}", Fixtures.timeline("nobody"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://annals.dev/problems/not-found"))
                .body("title", notNullValue())
                .body("detail", notNullValue());
    }
}
