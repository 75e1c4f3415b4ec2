package dev.annals.http;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The HTTP contract, through the running service: 412 for failed preconditions, RFC 9457 field errors, weak
 * ETags, CORS closed, and the headers every answer carries (the list shape: {@link ListShapeTest}).
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class HttpConformanceTest {
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static Response append(String timeline, List<Map<String, Object>> events) {
        return given().contentType(ContentType.JSON).body(events).post("/v1/timelines/{t}/events", timeline);
    }

    /** Appends, then waits until the read model holds the append; answers the position. */
    static String appendProjected(String timeline, List<Map<String, Object>> events) {
        String position =
                append(timeline, events).then().statusCode(201).extract().path("position");
        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200);
        return position;
    }

    @Test
    void aFailedPreconditionIs412WithTheCurrentVersionAndStoresNothing() {
        String timeline = Fixtures.timeline("precondition");
        append(timeline, Fixtures.statements("first", 2)).then().statusCode(201);

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Fixtures.statements("late", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("status", equalTo(412))
                .body("type", equalTo("https://annals.dev/problems/version-conflict"))
                .body("currentVersion", equalTo(2))
                .body("requestId", notNullValue());
        given().contentType(ContentType.JSON)
                .header("If-None-Match", "*")
                .body(Fixtures.statements("again", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(412)
                .body("currentVersion", equalTo(2));
        given().get("/v1/timelines/{t}", timeline).then().body("version", equalTo(2));

        // a reused event id with other content stays a 409: that is a conflict, not a precondition
        Map<String, Object> event = new java.util.HashMap<>(Fixtures.statement("original"));
        append(timeline, List.of(event)).then().statusCode(201);
        event.put("title", "changed");
        append(timeline, List.of(event))
                .then()
                .statusCode(409)
                .body("type", equalTo("https://annals.dev/problems/idempotency-conflict"));
    }

    @Test
    void eTagsOfReSerialisedBodiesAreWeakAndTheWeakVersionIsAValidIfMatch() {
        String timeline = Fixtures.timeline("etag");
        Response appended = append(timeline, Fixtures.statements("etag", 2));
        appended.then().statusCode(201).header("ETag", "W/\"2\"");
        String etag = given().get("/v1/timelines/{t}", timeline)
                .then()
                .statusCode(200)
                .header("ETag", "W/\"2\"")
                .extract()
                .header("ETag");
        // the tag read back names the version: If-Match accepts it as it came
        given().contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Fixtures.statements("conditional", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .header("ETag", "W/\"3\"");

        String position = appendProjected(timeline, Fixtures.statements("read", 1));
        String id = given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .extract()
                .path("items[0].id");
        String eventTag = given().get("/v1/events/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", startsWith("W/\""))
                .extract()
                .header("ETag");
        given().header("If-None-Match", eventTag)
                .get("/v1/events/{id}", id)
                .then()
                .statusCode(304);
        // If-None-Match compares weakly: the same tag without W/ matches too
        given().header("If-None-Match", eventTag.substring(2))
                .get("/v1/events/{id}", id)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "W/\"other\"")
                .get("/v1/events/{id}", id)
                .then()
                .statusCode(200);
    }

    @Test
    void fieldErrorsUseRfc9457PointerAndDetail() {
        Map<String, Object> untitled = new java.util.HashMap<>(Fixtures.statement("untitled"));
        untitled.remove("title");
        append(Fixtures.timeline("pointer"), List.of(Fixtures.statement("fine"), untitled))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", org.hamcrest.Matchers.hasItem("/1/title"))
                .body("errors.rule", org.hamcrest.Matchers.hasItem("required"))
                .body("errors[0].detail", not(emptyOrNullString()))
                .body("errors[0]", not(hasKey("field")))
                .body("errors[0]", not(hasKey("message")))
                .body("errors[0]", not(hasKey("parameter")));
        given().queryParam("from", "yesterday")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("format"))
                .body("errors[0]", not(hasKey("pointer")));
        given().contentType(ContentType.JSON)
                .header("If-Match", "seven")
                .body(Fixtures.statements("x", 1))
                .post("/v1/timelines/{t}/events", Fixtures.timeline("header"))
                .then()
                .statusCode(400)
                .body("errors[0].header", equalTo("If-Match"))
                .body("errors[0].rule", equalTo("etag"))
                .body("errors[0]", not(hasKey("pointer")));
        given().contentType(ContentType.JSON)
                .body("[{\"title\": ")
                .post("/v1/timelines/{t}/events", Fixtures.timeline("truncated"))
                .then()
                .statusCode(400)
                .body("errors[0].pointer", notNullValue());
    }

    @Test
    void everyAnswerIsNosniffWithoutServerVersionAndV1AnswersArePrivate() {
        String timeline = Fixtures.timeline("headers");
        String position = appendProjected(timeline, Fixtures.statements("headers", 1));
        String id = given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .extract()
                .path("items[0].id");
        for (Response answer : List.of(
                given().get("/v1/timelines/{t}", timeline),
                given().get("/v1/timelines"),
                given().get("/v1/event-types"),
                given().get("/v1/timelines/{t}", "no-such-timeline"),
                given().get("/v1/nothing-here"),
                append(timeline, Fixtures.statements("more", 1)))) {
            answer.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", "private")
                    .header("Server", nullValue());
        }
        given().get("/v1/events/{id}", id)
                .then()
                .statusCode(200)
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff");
        given().get("/q/health/live")
                .then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue());
    }

    @Test
    void theRequestIdIsEchoedAndInEveryProblemBody() {
        // a valid id is kept, in the header and the problem
        given().header("X-Request-Id", "req-4711.a:b")
                .get("/v1/timelines/{t}", "no-such-timeline")
                .then()
                .statusCode(404)
                .header("X-Request-Id", "req-4711.a:b")
                .body("requestId", equalTo("req-4711.a:b"));
        // an unsafe or overlong one is replaced by a generated id, the same in header and body
        for (String unsafe : List.of("has space", "a".repeat(129), "<script>", "semi;colon")) {
            Response answer = given().header("X-Request-Id", unsafe).get("/v1/timelines/{t}", "Bad_Id");
            answer.then().statusCode(400).header("X-Request-Id", matchesPattern(UUID));
            assertEquals(answer.header("X-Request-Id"), answer.path("requestId"));
            assertNotEquals(unsafe, answer.header("X-Request-Id"));
        }
        // the framework's answers too: 404 for no route, 405, 415
        for (Response answer : List.of(
                given().get("/v1/nothing-here"),
                given().contentType(ContentType.JSON).body("{}").put("/v1/events"),
                given().contentType(ContentType.TEXT)
                        .body("hello")
                        .post("/v1/timelines/{t}/events", Fixtures.timeline("text")))) {
            answer.then()
                    .contentType("application/problem+json")
                    .header("X-Request-Id", matchesPattern(UUID))
                    .body("requestId", equalTo(answer.header("X-Request-Id")));
            assertTrue(List.of(404, 405, 415).contains(answer.statusCode()), answer.asString());
        }
        // an append echoes the id it stored with the records
        given().contentType(ContentType.JSON)
                .header("X-Request-Id", "append-42")
                .body(Fixtures.statements("id", 1))
                .post("/v1/timelines/{t}/events", Fixtures.timeline("request-id"))
                .then()
                .statusCode(201)
                .header("X-Request-Id", "append-42");
    }

    @Test
    void corsIsClosedByDefault() {
        Response preflight = given().header("Origin", "https://newsroom.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/v1/timelines/{t}/events", Fixtures.timeline("cors"));
        preflight.then().header("Access-Control-Allow-Origin", nullValue());
        preflight.then().header("Access-Control-Allow-Methods", nullValue());
        given().header("Origin", "https://newsroom.example")
                .get("/v1/event-types")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .body(containsString("terms-refused"));
    }
}
