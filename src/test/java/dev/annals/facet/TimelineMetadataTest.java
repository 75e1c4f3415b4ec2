package dev.annals.facet;

import static dev.annals.support.Api.anonymous;
import static dev.annals.support.Api.as;
import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import dev.annals.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A timeline's title, description and tags: set by a writer, shown by GET /v1/timelines. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class TimelineMetadataTest {

    @Test
    void aWriterNamesATimelineAndTheListShowsIt() {
        String timeline = Fixtures.timeline("aaa-named");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "  The standoff  ", "description", "Who refused what.", "tags", List.of("ai")))
                .put("/v1/timelines/{t}/metadata", timeline)
                .then()
                .statusCode(200)
                .body("title", equalTo("The standoff"))
                .body("tags", contains("ai"));
        String position = FacetApiTest.append(timeline, Fixtures.statements("Named", 1));
        JsonPath page = given().queryParam("waitFor", position)
                .queryParam("limit", 500)
                .get("/v1/timelines")
                .jsonPath();
        int at = page.getList("items.timelineId").indexOf(timeline);
        org.junit.jupiter.api.Assertions.assertTrue(at >= 0, "listed");
        org.junit.jupiter.api.Assertions.assertEquals("The standoff", page.getString("items[" + at + "].title"));
        org.junit.jupiter.api.Assertions.assertEquals(
                "Who refused what.", page.getString("items[" + at + "].description"));
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "Renamed"))
                .put("/v1/timelines/{t}/metadata", timeline)
                .then()
                .statusCode(200);
        given().get("/v1/timelines/{t}/metadata", timeline)
                .then()
                .statusCode(200)
                .body("title", equalTo("Renamed"))
                .body("description", org.hamcrest.Matchers.nullValue())
                .body("tags", org.hamcrest.Matchers.empty())
                .body("updatedBy", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void badMetadataIsRefusedFieldByFieldAndNothingIsStored() {
        String timeline = Fixtures.timeline("badly-named");
        given().contentType(ContentType.JSON)
                .body(Map.of("title", " ", "tags", List.of("Not A Slug"), "colour", "red"))
                .put("/v1/timelines/{t}/metadata", timeline)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/title", "/tags/0", "/colour"));
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "x".repeat(201)))
                .put("/v1/timelines/{t}/metadata", timeline)
                .then()
                .statusCode(400)
                .body("errors[0].rule", equalTo("maxLength"));
        given().get("/v1/timelines/{t}/metadata", timeline).then().statusCode(404);
        as(TestTokens.withGroups("reader"))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Mine"))
                .put("/v1/timelines/{t}/metadata", timeline)
                .then()
                .statusCode(403);
        anonymous()
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Mine"))
                .put("/v1/timelines/{t}/metadata", timeline)
                .then()
                .statusCode(401);
        given().get("/v1/timelines/{t}/metadata", timeline).then().statusCode(404);
    }
}
