package dev.annals.query;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class QueryApiTest {
    String timeline;
    String position;
    List<Map<String, Object>> events;

    @BeforeEach
    void appendStory() {
        timeline = Fixtures.timeline("query");
        events = List.of(
                Fixtures.event(
                        "ultimatum-issued",
                        "Pentagon issues an ultimatum",
                        "2026-02-18T00:00:00-05:00",
                        "day",
                        List.of("us-dod"),
                        List.of("ultimatum"),
                        "Reuters",
                        Map.of("issuedBy", "us-dod", "issuedTo", List.of("anthropic"), "demand", "Renegotiate")),
                Fixtures.event(
                        "meeting-held",
                        "Amodei meets Hegseth at the White House",
                        "2026-02-24T15:00:00Z",
                        "hour",
                        List.of("dario-amodei", "pete-hegseth"),
                        List.of("meeting"),
                        "The Verge",
                        Map.of("participants", List.of("dario-amodei", "pete-hegseth"))),
                Fixtures.event(
                        "terms-refused",
                        "Anthropic refuses the terms over surveillance red lines",
                        "2026-02-26T18:00:00-05:00",
                        "hour",
                        List.of("anthropic", "us-dod"),
                        List.of("red-lines", "surveillance"),
                        "The Verge",
                        Map.of("party", "anthropic", "counterparty", "us-dod", "refusedTerms", "Unrestricted use")));
        position = given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
    }

    @Test
    void filtersReadTheProjection() {
        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body(
                        "items.title",
                        contains(
                                "Pentagon issues an ultimatum",
                                "Amodei meets Hegseth at the White House",
                                "Anthropic refuses the terms over surveillance red lines"))
                .body("nextCursor", nullValue());
        given().queryParam("type", "meeting-held")
                .queryParam("type", "terms-refused")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(2, 3));
        given().queryParam("actor", "pete-hegseth")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(2));
        given().queryParam("tag", "surveillance")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(3));
        given().queryParam("source", "reuters")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(1));
        given().queryParam("q", "surveillance refuses")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(3));
        given().queryParam("q", "Hegseth")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(2));
        // a day-precision event on Feb 18 New York time overlaps [Feb 18 12:00Z, Feb 19)
        given().queryParam("from", "2026-02-18T12:00:00Z")
                .queryParam("to", "2026-02-19")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(1));
        given().queryParam("order", "desc")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.sequence", contains(3, 2, 1));
        given().queryParam("actor", "anthropic")
                .queryParam("type", "terms-refused")
                .get("/v1/events")
                .then()
                .body("items.timelineId", hasItem(timeline));
    }

    @Test
    void pagesWithCursorAndLinkAndRejectsForeignOrTamperedCursors() {
        String cursor = given().queryParam("limit", 2)
                .queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body("items.sequence", contains(1, 2))
                .body("nextCursor", notNullValue())
                .header("Link", containsString("rel=\"next\""))
                .header("Link", org.hamcrest.Matchers.not(containsString("waitFor")))
                .extract()
                .path("nextCursor");
        given().queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body("items.sequence", contains(3))
                .body("nextCursor", nullValue());

        given().queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .queryParam("order", "desc")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("cursor"));
        String tampered = cursor.charAt(0) == 'A' ? "B" + cursor.substring(1) : "A" + cursor.substring(1);
        given().queryParam("cursor", tampered)
                .queryParam("limit", 2)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("cursor", "garbage").get("/v1/events").then().statusCode(400);
    }

    @Test
    void singleEventTimelinesAndActors() {
        String id = (String) events.get(2).get("id");
        String etag = given().queryParam("waitFor", position)
                .get("/v1/events/{id}", id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Anthropic refuses the terms over surveillance red lines"))
                .body("occurredAt", equalTo("2026-02-26T18:00:00-05:00"))
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag).get("/v1/events/{id}", id).then().statusCode(304);
        given().get("/v1/events/{id}", "00000000-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/v1/events/{id}", "not-a-uuid").then().statusCode(400);

        given().queryParam("limit", 500).get("/v1/timelines").then().statusCode(200);
        given().queryParam("timeline", timeline)
                .get("/v1/actors?type=meeting-held&type=ultimatum-issued&tag=meeting")
                .then()
                .statusCode(200)
                .body("items.id", contains("dario-amodei", "pete-hegseth"))
                .body("items.eventCount", contains(1, 1));
    }

    @Test
    void invalidParametersAndPositions() {
        given().queryParam("from", "yesterday")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"));
        given().queryParam("limit", 501)
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("limit"));
        given().queryParam("order", "sideways").get("/v1/events").then().statusCode(400);
        given().queryParam("from", "+300000-01-01T00:00:00Z")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("from"));
        given().queryParam("from", "2026-03-01")
                .queryParam("to", "2026-02-01")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("from"))
                .body("errors[0].rule", equalTo("beforeTo"));
        given().queryParam("from", "2026-03-01")
                .queryParam("to", "2026-03-02")
                .get("/v1/events")
                .then()
                .statusCode(200);
        given().queryParam("q", "nul\u0000byte")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("q"));
        given().queryParam("type", "nul\u0000byte").get("/v1/events").then().statusCode(400);
        given().queryParam("cursor", "").get("/v1/events").then().statusCode(200);
        given().queryParam("waitFor", "nonsense")
                .get("/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("waitFor"));
        // a position the journal never reached can never be projected: refused at once, not 503 after the timeout
        given().queryParam("waitFor", timeline + ":99")
                .get("/v1/events")
                .then()
                .statusCode(404)
                .body("type", equalTo("https://annals.dev/problems/not-found"))
                .body("errors[0].parameter", equalTo("waitFor"));
    }
}
