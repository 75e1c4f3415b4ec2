package dev.annals.correction;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retries of stored changes get the original answer — by Idempotency-Key alone or by id, seconds later, through
 * both endpoints — though the checks would now refuse them; the rules that keep changes pointed at events; the
 * built-in types cannot be redefined; and an actor page's cursor carries its asOf.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ChangeRetryTest {

    @Test
    void aRetriedRetractionIsReplayedByKeyOrByIdAfterTheClockMoved() throws Exception {
        String timeline = Fixtures.timeline("retry");
        List<Map<String, Object>> events = Fixtures.statements("Retry", 3);
        CorrectionApiTest.append(timeline, events);
        String key = UUID.randomUUID().toString();
        String byKey = (String) events.get(0).get("id");
        Map<String, Object> body = Map.of("reason", "withdrawn");
        String first = retract(byKey, key, body, 201).extract().path("events[0].id");
        String byId = (String) events.get(1).get("id");
        Map<String, Object> withId = Map.of("id", UUID.randomUUID().toString(), "reason", "withdrawn");
        retract(byId, null, withId, 201);
        Thread.sleep(1100);
        retract(byKey, key, body, 201).header("Idempotent-Replayed", "true").body("events[0].id", equalTo(first));
        retract(byId, null, withId, 201).header("Idempotent-Replayed", "true");
        // the same through a raw append with a key and no ids
        Map<String, Object> raw = CorrectionApiTest.change(
                "event-retracted", (String) events.get(2).get("id"), Map.of("reason", "r"));
        raw.remove("id");
        String rawKey = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", rawKey)
                    .body(List.of(raw))
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(201)
                    .body("version", equalTo(6));
        }
        given().get("/v1/timelines/{t}", timeline).then().body("version", equalTo(6));
    }

    @Test
    void aRetractionMustNameTheEventItselfAndTheBuiltInTypesAreNotRedefined() {
        String timeline = Fixtures.timeline("names");
        List<Map<String, Object>> events = Fixtures.statements("Named", 1);
        CorrectionApiTest.append(timeline, events);
        Map<String, Object> correction = CorrectionApiTest.change(
                "event-corrected",
                (String) events.get(0).get("id"),
                Map.of("changes", Map.of("title", "Renamed"), "reason", "r"));
        CorrectionApiTest.append(timeline, List.of(correction));
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "undo"))
                .post("/v1/events/{id}/retractions", correction.get("id"))
                .then()
                .statusCode(422)
                .body("errors[0].rule", equalTo("namesAnEvent"));
        for (String type : List.of("event-corrected", "event-retracted")) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("title", "Mine", "description", "d", "schema", Map.of("type", "object")))
                    .put("/v1/event-types/{type}", type)
                    .then()
                    .statusCode(403);
            given().delete("/v1/event-types/{type}", type).then().statusCode(403);
        }
    }

    @Test
    void anActorPagesCursorCarriesItsAsOf() {
        String timeline = Fixtures.timeline("actors-as-of");
        List<Map<String, Object>> events = new ArrayList<>();
        for (String actor : List.of("ana-reyes", "li-wei", "sam-okafor")) {
            events.add(Fixtures.event(
                    "statement-issued",
                    actor,
                    "2026-02-01T10:00:00Z",
                    "day",
                    List.of(actor),
                    List.of(),
                    "AP",
                    Map.of("speaker", actor, "quote", "q")));
        }
        String before = CorrectionApiTest.append(timeline, events);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "changes",
                        Map.of("actors", List.of(Map.of("id", "li-wei", "name", "Li Wei"))),
                        "reason",
                        "misattributed"))
                .post("/v1/events/{id}/corrections", events.get(0).get("id"))
                .then()
                .statusCode(201);
        List<String> asOf = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("timeline", timeline).queryParam("limit", 1);
            request = cursor == null ? request.queryParam("asOf", before) : request.queryParam("cursor", cursor);
            var page =
                    request.get("/v1/actors").then().statusCode(200).extract().jsonPath();
            asOf.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(List.of("ana-reyes", "li-wei", "sam-okafor"), asOf, "as of before the correction, page by page");
    }

    private static io.restassured.response.ValidatableResponse retract(
            String eventId, String key, Map<String, Object> body, int status) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/v1/events/{id}/retractions", eventId).then().statusCode(status);
    }
}
