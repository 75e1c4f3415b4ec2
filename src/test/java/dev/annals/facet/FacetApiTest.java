package dev.annals.facet;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /v1/events/facets through the projection: counts by facet and over time, precision-aware. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class FacetApiTest {

    private static Map<String, Object> event(
            String type, String at, String precision, List<String> actors, List<String> tags, String reliability) {
        Map<String, Object> data = type.equals("meeting-held")
                ? Map.of("participants", List.of("li-wei", "ana-ruiz"))
                : Map.of("speaker", "li-wei", "quote", "q");
        Map<String, Object> event =
                Fixtures.event(type, type + " at " + at, at, precision, actors, tags, "Reuters", data);
        event.put("sources", List.of(Map.of("publisher", "Reuters", "reliability", reliability)));
        return event;
    }

    static String append(String timeline, List<Map<String, Object>> events) {
        return given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
    }

    @Test
    void countsByFacetIgnoringTheirOwnFilterAndHistogramsByPrecision() {
        String timeline = Fixtures.timeline("facets");
        List<Map<String, Object>> events = List.of(
                event(
                        "meeting-held",
                        "2026-02-26T10:00:00-05:00",
                        "day",
                        List.of("li-wei", "ana-ruiz"),
                        List.of("talks"),
                        "confirmed"),
                event(
                        "statement-issued",
                        "2026-02-01T00:00:00Z",
                        "month",
                        List.of("li-wei"),
                        List.of("talks"),
                        "alleged"),
                event("statement-issued", "2026-01-01T00:00:00Z", "year", List.of(), List.of(), "reported"),
                event(
                        "statement-issued",
                        "2026-02-27T23:30:00Z",
                        "hour",
                        List.of("li-wei"),
                        List.of("deadline"),
                        "confirmed"));
        String position = append(timeline, events);
        JsonPath all = given().queryParam("waitFor", position)
                .queryParam("timeline", timeline)
                .queryParam("interval", "day")
                .get("/v1/events/facets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(4, all.getInt("total"));
        assertEquals(List.of("statement-issued", "meeting-held"), all.getList("facets.type.values.value"));
        assertEquals(List.of(3, 1), all.getList("facets.type.values.count"));
        assertEquals(List.of("li-wei", "ana-ruiz"), all.getList("facets.actor.values.value"));
        assertEquals("Ana Ruiz", all.getString("facets.actor.values[1].label"));
        assertEquals(List.of("confirmed", "alleged", "reported"), all.getList("facets.reliability.values.value"));
        assertEquals(List.of("reuters"), all.getList("facets.publisher.values.value"));
        // the day event (New York) sits at noon its time, 17:00 UTC; the hour event on its own day
        assertEquals(List.of("2026-02-26T00:00:00Z", "2026-02-27T00:00:00Z"), all.getList("histogram.buckets.start"));
        assertEquals(List.of("2026-02-27T00:00:00Z", "2026-02-28T00:00:00Z"), all.getList("histogram.buckets.end"));
        assertEquals(List.of("year", "month"), all.getList("histogram.coarser.precision"));
        assertEquals(List.of("2026-01-01T00:00:00Z", "2026-02-01T00:00:00Z"), all.getList("histogram.coarser.start"));

        // in Tokyo the hour event (23:30 UTC) is on the 28th; a month histogram holds all but the year event
        given().queryParam("timeline", timeline)
                .queryParam("interval", "day")
                .queryParam("tz", "Asia/Tokyo")
                .get("/v1/events/facets")
                .then()
                .body("histogram.tz", equalTo("Asia/Tokyo"))
                .body("histogram.buckets.start", contains("2026-02-27T00:00:00+09:00", "2026-02-28T00:00:00+09:00"));
        given().queryParam("timeline", timeline)
                .queryParam("interval", "month")
                .get("/v1/events/facets")
                .then()
                .body("histogram.buckets.start", contains("2026-02-01T00:00:00Z"))
                .body("histogram.buckets.count", contains(3))
                .body("histogram.coarser.precision", contains("year"));

        // a type filter narrows the other facets, not the type facet; the histogram ignores from and to
        JsonPath meetings = given().queryParam("timeline", timeline)
                .queryParam("type", "meeting-held")
                .queryParam("from", "2026-02-26T00:00:00Z")
                .queryParam("interval", "year")
                .get("/v1/events/facets")
                .jsonPath();
        assertEquals(1, meetings.getInt("total"));
        assertEquals(List.of(3, 1), meetings.getList("facets.type.values.count"));
        assertEquals(List.of("ana-ruiz", "li-wei"), meetings.getList("facets.actor.values.value"));
        assertEquals(List.of(1), meetings.getList("histogram.buckets.count"));

        // top 1: the rest is other, distinct counts every value
        given().queryParam("timeline", timeline)
                .queryParam("facet", "reliability")
                .queryParam("top", 1)
                .get("/v1/events/facets")
                .then()
                .body("facets.reliability.values.value", contains("confirmed"))
                .body("facets.reliability.distinct", equalTo(3))
                .body("facets.reliability.other", equalTo(2))
                .body("facets.reliability.total", equalTo(4))
                .body("facets.type", org.hamcrest.Matchers.nullValue())
                .body("histogram", org.hamcrest.Matchers.nullValue());

        // a facet whose own filter is set: the total is counted apart from it
        given().queryParam("timeline", timeline)
                .queryParam("facet", "reliability")
                .queryParam("reliability", "alleged")
                .get("/v1/events/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("facets.reliability.total", equalTo(4));

        // the reliability filter on queries
        given().queryParam("reliability", "alleged")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.occurredAtPrecision", contains("month"));
    }

    @Test
    void maintainedCountsEqualCountedOnesThroughCorrectionsAndRetractions() {
        String timeline = Fixtures.timeline("facets-maintained");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(event(
                    "statement-issued",
                    "2026-03-0" + (i + 1) + "T12:00:00Z",
                    i % 2 == 0 ? "day" : "minute",
                    List.of("li-wei"),
                    List.of("tag-" + (i % 3)),
                    i % 2 == 0 ? "confirmed" : "denied"));
        }
        append(timeline, events);
        String corrected = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "changes",
                        Map.of(
                                "tags",
                                List.of("moved"),
                                "occurredAtPrecision",
                                "month",
                                "actors",
                                List.of(Map.of("id", "ana-ruiz", "name", "Ana Ruiz"))),
                        "reason",
                        "r"))
                .post("/v1/events/{id}/corrections", events.get(0).get("id"))
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        String retracted = given().contentType(ContentType.JSON)
                .body(Map.of("reason", "r"))
                .post("/v1/events/{id}/retractions", events.get(1).get("id"))
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        given().queryParam("waitFor", corrected).get("/v1/events/facets").then().statusCode(200);
        // the maintained counts (no filter) against counting every event (asOf now takes the counting path)
        String now = Instant.now().toString();
        for (String tz : List.of("UTC", "America/New_York", "Australia/Sydney")) {
            Map<String, Object> maintained = given().queryParam("waitFor", retracted)
                    .queryParam("interval", "day")
                    .queryParam("tz", tz)
                    .queryParam("top", 100)
                    .get("/v1/events/facets")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            Map<String, Object> counted = given().queryParam("asOf", now)
                    .queryParam("interval", "day")
                    .queryParam("tz", tz)
                    .queryParam("top", 100)
                    .get("/v1/events/facets")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            assertEquals(counted, maintained, "maintained counts in " + tz);
        }
        JsonPath mine = given().queryParam("timeline", timeline)
                .get("/v1/events/facets")
                .jsonPath();
        assertEquals(5, mine.getInt("total"));
        assertEquals(List.of("li-wei", "ana-ruiz"), mine.getList("facets.actor.values.value"));
        assertEquals(List.of(4, 1), mine.getList("facets.actor.values.count"));
        given().queryParam("timeline", timeline)
                .queryParam("include", "retracted")
                .get("/v1/events/facets")
                .then()
                .body("total", equalTo(6))
                .body("facets.tag.values.value", hasItem("moved"));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        for (Map.Entry<String, String> bad : Map.of(
                        "facet", "colour",
                        "interval", "hour",
                        "tz", "+02:00",
                        "top", "0",
                        "reliability", "rumoured")
                .entrySet()) {
            given().queryParam(bad.getKey(), bad.getValue())
                    .get("/v1/events/facets")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo(bad.getKey()));
        }
        given().queryParam("tz", "Asia/Kolkata")
                .get("/v1/events/facets")
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("wholeHourOffset"));
        given().queryParam("tz", "Mars/Olympus_Mons")
                .get("/v1/events/facets")
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("timeZone"));
    }
}
