package dev.annals.http;

import static dev.annals.http.HttpConformanceTest.appendProjected;
import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One list shape everywhere: an object with items, nextCursor and Link rel=next where it pages, one limit policy. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ListShapeTest {
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

    @Test
    void everyListIsAnObjectWithItemsAndPagedListsLinkToTheirNextPage() {
        String timeline = Fixtures.timeline("lists");
        List<Map<String, Object>> events = Fixtures.statements("listed", 3);
        for (int i = 0; i < events.size(); i++) {
            // three actors, so that /v1/actors has pages too
            events.get(i).put("actors", List.of(Map.of("id", "lister-" + i, "name", "Lister " + i, "role", "speaker")));
        }
        String position = appendProjected(timeline, events);
        // a second timeline, so that /v1/timelines has two pages at limit 1
        appendProjected(Fixtures.timeline("lists-other"), Fixtures.statements("other", 1));

        for (String path : List.of(
                "/v1/events?timeline=" + timeline,
                "/v1/timelines/" + timeline + "/events",
                "/v1/timelines/" + timeline + "/stream",
                "/v1/timelines",
                "/v1/actors",
                "/v1/actors?timeline=" + timeline)) {
            Response first = given().queryParam("limit", 1)
                    .queryParam("waitFor", position)
                    .get(path);
            first.then()
                    .statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("$", instanceOf(Map.class))
                    .body("items", hasSize(1));
            String link = first.header("Link");
            assertTrue(link != null && NEXT.matcher(link).find(), path + ": Link rel=next, got " + link);
            Matcher next = NEXT.matcher(link);
            assertTrue(next.find());
            String url = next.group(1);
            assertTrue(url.startsWith("http://localhost:"), path + ": absolute, got " + url);
            assertTrue(!url.contains("waitFor"), "the next page needs no wait: " + url);
            if (path.contains("/stream")) {
                first.then().body("nextSequence", equalTo(2)).body("$", not(hasKey("nextCursor")));
            } else {
                first.then().body("nextCursor", notNullValue());
            }
            Object firstItem = first.path("items[0]");
            given().urlEncodingEnabled(false)
                    .get(url)
                    .then()
                    .statusCode(200)
                    .body("items", hasSize(1))
                    .body("items[0]", not(equalTo(firstItem)));
        }
        // the last page has neither nextCursor nor Link
        given().queryParam("limit", 500)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("nextCursor", nullValue())
                .header("Link", nullValue());

        // the registry pages like every list (other tests register types too: the built-in pack is the floor)
        given().queryParam("limit", 500)
                .get("/v1/event-types")
                .then()
                .statusCode(200)
                .body("items.size()", greaterThanOrEqualTo(11))
                .body("items.type", hasItem("terms-refused"))
                .body("nextCursor", nullValue());
        given().queryParam("limit", 2)
                .get("/v1/event-types")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", notNullValue())
                .header("Link", containsString("rel=\"next\""));
        // the small fixed list: the same object, one page
        given().get("/v1/projections")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].name", equalTo("timeline"));
    }

    @Test
    void onePolicyForLimitOnEveryPagedList() {
        String timeline = Fixtures.timeline("limits");
        String position = appendProjected(timeline, Fixtures.statements("limit", 51));
        for (String path : List.of(
                "/v1/events",
                "/v1/timelines/" + timeline + "/events",
                "/v1/timelines/" + timeline + "/stream",
                "/v1/timelines",
                "/v1/actors")) {
            for (String bad : List.of("0", "501", "-1", "ten")) {
                given().queryParam("limit", bad)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].parameter", equalTo("limit"))
                        .body("errors[0].rule", equalTo("range"))
                        .body("errors[0].detail", equalTo("must be a whole number from 1 to 500"));
            }
            given().queryParam("limit", 500).get(path).then().statusCode(200);
        }
        // default 50, on the journal as on the read model
        given().get("/v1/timelines/{t}/stream", timeline)
                .then()
                .body("items", hasSize(50))
                .body("nextSequence", equalTo(51));
        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items", hasSize(50))
                .body("nextCursor", notNullValue());
    }
}
