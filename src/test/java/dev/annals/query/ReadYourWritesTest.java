package dev.annals.query;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A query with the position an append returned always sees that append. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ReadYourWritesTest {

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
                    .getList("events.id");
            assertEquals(List.of(event.get("id")), ids, "append " + i);
            given().queryParam("waitFor", position)
                    .get("/v1/events/{id}", event.get("id"))
                    .then()
                    .statusCode(200);
        }
    }
}
