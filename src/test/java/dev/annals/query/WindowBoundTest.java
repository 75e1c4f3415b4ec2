package dev.annals.query;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The occurred_at bound a window adds for its index (a year's length around from/to) never drops a match: events
 * whose year-long interval only just overlaps the window, with occurredAt almost a leap year away, still match.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class WindowBoundTest {

    @Test
    void yearPrecisionEventsAtTheFarEndOfTheirIntervalMatchAWindowAtTheOtherEnd() {
        String timeline = Fixtures.timeline("window-bound");
        Map<String, Object> data = Map.of("speaker", "anthropic", "quote", "q");
        // [2024-01-01T00:00+14:00, 2025-01-01T00:00+14:00) = [2023-12-31T10:00Z, 2024-12-31T10:00Z)
        Map<String, Object> early = Fixtures.event(
                "statement-issued",
                "early",
                "2024-01-01T00:00:00+14:00",
                "year",
                List.of("anthropic"),
                List.of(),
                "Reuters",
                data);
        // [2024-01-01T00:00-12:00, 2025-01-01T00:00-12:00) = [2024-01-01T12:00Z, 2025-01-01T12:00Z)
        Map<String, Object> late = Fixtures.event(
                "statement-issued",
                "late",
                "2024-12-31T23:59:59-12:00",
                "year",
                List.of("anthropic"),
                List.of(),
                "Reuters",
                data);
        String position = given().contentType(ContentType.JSON)
                .body(List.of(early, late))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");

        titles(timeline, position, "2024-12-31T09:59:59Z", null).body("items.title", contains("early", "late"));
        titles(timeline, position, "2024-12-31T10:00:00Z", null).body("items.title", contains("late"));
        titles(timeline, position, null, "2024-01-01T12:00:01Z").body("items.title", contains("early", "late"));
        titles(timeline, position, null, "2024-01-01T12:00:00Z").body("items.title", contains("early"));
        titles(timeline, position, "2024-12-31T10:00:00Z", "2024-12-31T10:00:01Z")
                .body("items.title", contains("late"));
        titles(timeline, position, "2025-01-01T12:00:00Z", null).body("items", empty());
    }

    private static io.restassured.response.ValidatableResponse titles(
            String timeline, String position, String from, String to) {
        var request = given().queryParam("waitFor", position);
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.get("/v1/timelines/{t}/events", timeline).then().statusCode(200);
    }
}
