package dev.annals.query;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.projection.DecoderFaults;
import dev.annals.projection.EventDecoder;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A query with the position an append returned always sees that append. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ReadYourWritesTest {
    @Inject
    EventDecoder decoder;

    @Test
    void everyAppendIsVisibleToTheNextQueryThatWaitsForIt() {
        String timeline = Fixtures.timeline("ryw");
        for (int i = 1; i <= 25; i++) {
            Map<String, Object> event = Fixtures.statement("write " + i);
            String position = given().contentType(ContentType.JSON)
                    .body(List.of(event))
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("position");
            List<String> ids = given().queryParam("waitFor", position)
                    .queryParam("order", "desc")
                    .queryParam("limit", 1)
                    .get("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id");
            assertEquals(List.of(event.get("id")), ids, "append " + i);
            given().queryParam("waitFor", position)
                    .get("/v1/events/{id}", event.get("id"))
                    .then()
                    .statusCode(200);
        }
    }

    @Test
    void aPositionWhoseLastEventWasDeadLetteredIsReachedAndAnswered() {
        String timeline = Fixtures.timeline("ryw-dead");
        Map<String, Object> applied = Fixtures.statement("applied");
        Map<String, Object> dead = Fixtures.statement("dead-lettered");
        DecoderFaults.reject(decoder, (String) dead.get("id"), "rejected for the test");
        try {
            String position = given().contentType(ContentType.JSON)
                    .body(List.of(applied, dead))
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("position");
            // without the watermark this waited the whole timeout and answered 503 projection-lagging
            List<String> titles = given().queryParam("waitFor", position)
                    .get("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.title");
            assertEquals(List.of("applied"), titles);
        } finally {
            DecoderFaults.clear(decoder);
        }
    }

    @Test
    void aPositionBeyondTheJournalIsRefusedAtOnceNamingWaitFor() {
        String timeline = Fixtures.timeline("ryw-beyond");
        String position = given().contentType(ContentType.JSON)
                .body(List.of(Fixtures.statement("only one")))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        assertEquals(timeline + ":1", position);
        for (String beyond : List.of(timeline + ":2", Fixtures.timeline("ryw-never") + ":1")) {
            given().queryParam("waitFor", beyond)
                    .get("/v1/events")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://annals.dev/problems/not-found"))
                    .body("errors[0].parameter", equalTo("waitFor"))
                    .body("errors[0].rule", equalTo("appended"));
        }
        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }
}
