package dev.annals.append;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem+json answer naming field and rule, and nothing is stored or published. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class AppendValidationTest {

    private static ValidatableResponse rejected(String timeline, String contentType, String body, int status) {
        ValidatableResponse response = given().contentType(contentType)
                .body(body)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", notNullValue())
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("at dev.annals")));
        assertNothingStored(timeline);
        return response;
    }

    private static ValidatableResponse rejected(String timeline, Object body, int status) {
        return rejected(timeline, "application/json", Fixtures.json(body), status);
    }

    private static void assertNothingStored(String timeline) {
        if (dev.annals.event.Slugs.isValid(timeline)) {
            given().get("/v1/timelines/{t}", timeline).then().statusCode(404);
        }
    }

    private static List<Map<String, Object>> withEvent(Consumer<Map<String, Object>> change) {
        Map<String, Object> event = new HashMap<>(Fixtures.statement("bad"));
        change.accept(event);
        return List.of(Fixtures.statement("good"), event);
    }

    @Test
    void malformedJson() {
        rejected(Fixtures.timeline("malformed"), "application/json", "[{\"type\": ", 400)
                .body("type", equalTo("https://annals.dev/problems/invalid-request"));
    }

    @Test
    void bodyMustBeANonEmptyArray() {
        rejected(Fixtures.timeline("object"), Fixtures.statement("not in an array"), 400)
                .body("errors[0].rule", equalTo("type"));
        rejected(Fixtures.timeline("empty"), List.of(), 400).body("errors[0].rule", equalTo("minItems"));
    }

    @Test
    void oversizeBatch() {
        rejected(Fixtures.timeline("oversize"), Fixtures.statements("many", 1001), 413)
                .body("type", equalTo("https://annals.dev/problems/batch-too-large"))
                .body("errors[0].rule", equalTo("maxItems"));
    }

    @Test
    void oversizeEvent() {
        rejected(
                        Fixtures.timeline("huge"),
                        withEvent(e -> e.put("data", Map.of("speaker", "dario-amodei", "quote", "x".repeat(300_000)))),
                        413)
                .body("type", equalTo("https://annals.dev/problems/event-too-large"))
                .body("errors[0].pointer", equalTo("/1"))
                .body("errors[0].rule", equalTo("maxBytes"));
    }

    @Test
    void wrongTypesAndMissingFieldsNameTheField() {
        rejected(Fixtures.timeline("wrong-type"), withEvent(e -> e.put("title", 42)), 400)
                .body("errors.pointer", hasItem("/1/title"))
                .body("errors.rule", hasItem("type"));
        rejected(Fixtures.timeline("missing"), withEvent(e -> e.remove("title")), 400)
                .body("errors.pointer", hasItem("/1/title"))
                .body("errors.rule", hasItem("required"));
        rejected(Fixtures.timeline("too-long"), withEvent(e -> e.put("title", "x".repeat(201))), 400)
                .body("errors.rule", hasItem("maxLength"));
        rejected(Fixtures.timeline("unknown-field"), withEvent(e -> e.put("colour", "red")), 400)
                .body("errors.rule", hasItem("additionalProperties"));
        rejected(
                        Fixtures.timeline("bad-reliability"),
                        withEvent(e -> e.put("sources", List.of(Map.of("publisher", "X", "reliability", "rumour")))),
                        400)
                .body("errors.pointer", hasItem("/1/sources/0/reliability"));
    }

    @Test
    void nulCharactersAreRejectedBeforeTheyReachTheDatabase() {
        rejected(Fixtures.timeline("nul"), withEvent(e -> e.put("title", "before\u0000after")), 400)
                .body("errors.pointer", hasItem("/1/title"))
                .body("errors.rule", hasItem("noNulCharacter"));
    }

    @Test
    void invalidTimestamps() {
        rejected(Fixtures.timeline("no-offset"), withEvent(e -> e.put("occurredAt", "2026-02-26T18:00:00")), 400)
                .body("errors.pointer", hasItem("/1/occurredAt"))
                .body("errors.rule", hasItem("format"));
        rejected(Fixtures.timeline("not-a-date"), withEvent(e -> e.put("occurredAt", "last Tuesday")), 400)
                .body("errors.pointer", hasItem("/1/occurredAt"));
        rejected(Fixtures.timeline("bad-precision"), withEvent(e -> e.put("occurredAtPrecision", "week")), 400)
                .body("errors.pointer", hasItem("/1/occurredAtPrecision"));
    }

    @Test
    void duplicateKeysAreRejectedNotLastWins() {
        String body = Fixtures.json(List.of(Fixtures.statement("good")))
                .replace("\"title\":\"good\"", "\"title\":\"good\",\"title\":\"overwritten\"");
        rejected(Fixtures.timeline("dup-key"), "application/json", body, 400)
                .body("errors[0].pointer", equalTo("/0/title"))
                .body("errors[0].rule", equalTo("duplicateKey"));
    }

    @Test
    void hostileBodiesAreRefusedWhileParsing() {
        rejected(Fixtures.timeline("many-empty"), "application/json", "[" + "{},".repeat(300_000) + "{}]", 413)
                .body("type", equalTo("https://annals.dev/problems/batch-too-large"))
                .body("errors[0].rule", equalTo("maxItems"));
        rejected(
                        Fixtures.timeline("deep"),
                        "application/json",
                        "[" + "[".repeat(50_000) + "]".repeat(50_000) + "]",
                        400)
                .body("errors[0].rule", equalTo("maxDepth"));
        rejected(
                        Fixtures.timeline("long-number"),
                        withEvent(e -> e.put(
                                "data",
                                Map.of("speaker", "x", "quote", "q", "n", new java.math.BigInteger("9".repeat(500))))),
                        400)
                .body("errors[0].rule", equalTo("maxNumberLength"))
                .body("errors[0].pointer", equalTo("/1/data/n"));
    }

    @Test
    void sourceUrlsMustBeHttpOrHttps() {
        rejected(
                        Fixtures.timeline("js-url"),
                        withEvent(e -> e.put(
                                "sources",
                                List.of(Map.of(
                                        "publisher", "X", "url", "javascript:alert(1)", "reliability", "reported")))),
                        400)
                .body("errors.pointer", hasItem("/1/sources/0/url"))
                .body("errors.rule", hasItem("pattern"));
        rejected(
                        Fixtures.timeline("ftp-url"),
                        withEvent(e -> e.put(
                                "sources",
                                List.of(Map.of(
                                        "publisher", "X", "url", "ftp://example.org/a", "reliability", "reported")))),
                        400)
                .body("errors.pointer", hasItem("/1/sources/0/url"));
        given().contentType(ContentType.JSON)
                .body(withEvent(e -> e.put(
                        "sources",
                        List.of(Map.of("publisher", "X", "url", "HTTPS://example.org/a", "reliability", "reported")))))
                .post("/v1/timelines/{t}/events", Fixtures.timeline("https-url"))
                .then()
                .statusCode(201);
    }

    @Test
    void occurredAtMustLieInTheYears0001To9999AlsoInUtc() {
        for (String occurredAt :
                List.of("0000-06-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:00:00-05:00")) {
            rejected(Fixtures.timeline("year-range"), withEvent(e -> e.put("occurredAt", occurredAt)), 400)
                    .body("errors.pointer", hasItem("/1/occurredAt"));
        }
        rejected(Fixtures.timeline("year-range"), withEvent(e -> e.put("occurredAt", "0000-06-01T00:00:00Z")), 400)
                .body("errors.rule", hasItem("dateRange"));
        given().contentType(ContentType.JSON)
                .body(withEvent(e -> e.put("occurredAt", "9999-12-31T23:59:59Z")))
                .post("/v1/timelines/{t}/events", Fixtures.timeline("year-max"))
                .then()
                .statusCode(201);
    }

    @Test
    void unknownTypeAndInvalidDataAre422() {
        rejected(Fixtures.timeline("unknown-type"), withEvent(e -> e.put("type", "alien-landed")), 422)
                .body("type", equalTo("https://annals.dev/problems/invalid-event"))
                .body("errors[0].pointer", equalTo("/1/type"))
                .body("errors[0].rule", equalTo("knownType"));
        rejected(Fixtures.timeline("bad-data"), withEvent(e -> e.put("data", Map.of("speaker", "Dario Amodei"))), 422)
                .body("errors.pointer", hasItem("/1/data/quote"))
                .body("errors.pointer", hasItem("/1/data/speaker"));
        Map<String, Object> twice = Fixtures.statement("twice");
        rejected(Fixtures.timeline("dup-ids"), List.of(twice, twice), 422).body("errors[0].pointer", equalTo("/1/id"));
    }

    @Test
    void badTimelineIdContentTypeAndHeaders() {
        rejected("Not_A_Slug", Fixtures.statements("x", 1), 400).body("errors[0].parameter", equalTo("timelineId"));
        rejected(Fixtures.timeline("text"), "text/plain", "hello", 415)
                .body("type", equalTo("https://annals.dev/problems/unsupported-media-type"));
        String timeline = Fixtures.timeline("bad-if-match");
        given().contentType(ContentType.JSON)
                .header("If-Match", "version seven")
                .body(Fixtures.statements("x", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].header", equalTo("If-Match"));
        assertNothingStored(timeline);
        given().queryParam("limit", 0)
                .get("/v1/timelines/{t}/stream", timeline)
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
    }

    @Test
    void rejectedAppendsPublishNothing() {
        List<String> rejectedTimelines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String timeline = Fixtures.timeline("never-published");
            rejectedTimelines.add(timeline);
            rejected(timeline, withEvent(e -> e.put("type", "alien-landed")), 422);
        }
        String canary = Fixtures.timeline("canary");
        given().contentType(ContentType.JSON)
                .body(Fixtures.statements("canary", 1))
                .post("/v1/timelines/{t}/events", canary)
                .then()
                .statusCode(201);
        assertEquals(
                1,
                TopicProbe.records(canary, Duration.ofSeconds(20), r -> r.size() == 1)
                        .size());
        for (String timeline : rejectedTimelines) {
            assertEquals(
                    0,
                    TopicProbe.recordsWithin(timeline, Duration.ofMillis(500)).size());
        }
    }
}
