package dev.annals.correction;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The neighbours of an event on its timeline, in timeline order, with include and asOf as every query has them. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ContextTest {

    @Test
    void theStoryAroundAnEvent() {
        String timeline = Fixtures.timeline("context");
        String other = Fixtures.timeline("context-other");
        List<Map<String, Object>> events = new ArrayList<>();
        // appended out of story order: the context follows occurredAt, not the append order
        for (int day : new int[] {5, 1, 3, 7, 2, 6, 4}) {
            events.add(Fixtures.event(
                    "statement-issued",
                    "Day " + day,
                    "2026-02-0" + day + "T12:00:00Z",
                    "day",
                    List.of("li-wei"),
                    List.of(),
                    "AP",
                    Map.of("speaker", "li-wei", "quote", "q")));
        }
        String before = CorrectionApiTest.append(timeline, events);
        CorrectionApiTest.append(other, Fixtures.statements("Elsewhere", 2));
        String day4 = (String) events.get(6).get("id");
        given().queryParam("waitFor", before)
                .queryParam("before", 2)
                .queryParam("after", 2)
                .get("/v1/events/{id}/context", day4)
                .then()
                .statusCode(200)
                .body("before.title", contains("Day 2", "Day 3"))
                .body("event.title", equalTo("Day 4"))
                .body("after.title", contains("Day 5", "Day 6"));
        String retraction = given().contentType(ContentType.JSON)
                .body(Map.of("reason", "r"))
                .post("/v1/events/{id}/retractions", events.get(2).get("id"))
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        given().queryParam("waitFor", retraction)
                .queryParam("before", 2)
                .get("/v1/events/{id}/context", day4)
                .then()
                .body("before.title", contains("Day 1", "Day 2"));
        given().queryParam("include", "retracted")
                .queryParam("before", 1)
                .queryParam("after", 0)
                .get("/v1/events/{id}/context", day4)
                .then()
                .body("before.title", contains("Day 3"))
                .body("before[0].retracted", equalTo(true))
                .body("after", empty());
        given().queryParam("asOf", before)
                .queryParam("before", 1)
                .get("/v1/events/{id}/context", day4)
                .then()
                .body("before.title", contains("Day 3"))
                .body("before[0].retracted", org.hamcrest.Matchers.nullValue());
        given().queryParam("before", 101)
                .get("/v1/events/{id}/context", day4)
                .then()
                .statusCode(400);
        given().get("/v1/events/{id}/context", java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
