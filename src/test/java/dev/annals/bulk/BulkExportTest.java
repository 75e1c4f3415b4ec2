package dev.annals.bulk;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class BulkExportTest {
    String timeline;
    String position;

    @BeforeEach
    void appendStory() {
        timeline = Fixtures.timeline("export");
        position = BulkStory.append(timeline);
        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200);
    }

    @Test
    void ndjsonIsTheJsonPagesWalked() {
        Map<String, Object> filter = Map.of("timeline", timeline, "type", List.of("statement-issued", "meeting-held"));
        List<JsonNode> walked = BulkStory.pages("/v1/events", filter, 2);
        assertEquals(6, walked.size());
        Response export =
                given().queryParams(filter).accept("application/x-ndjson").get("/v1/events");
        export.then()
                .statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", "attachment; filename=\"events.ndjson\"");
        assertEquals(walked, BulkStory.lines(export.asString()));

        Map<String, Object> desc = Map.of("order", "desc", "actor", "us-dod");
        List<JsonNode> newestFirst = BulkStory.pages("/v1/timelines/" + timeline + "/events", desc, 1);
        String ndjson = given().queryParams(desc)
                .queryParam("format", "ndjson")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"" + timeline + ".ndjson\"")
                .extract()
                .asString();
        assertEquals(2, newestFirst.size());
        assertEquals(newestFirst, BulkStory.lines(ndjson));
        assertTrue(ndjson.endsWith("}\n"), "every line ends with LF");
    }

    @Test
    void csvHasOneQuotedRowPerEvent() {
        List<JsonNode> walked = BulkStory.pages("/v1/timelines/" + timeline + "/events", Map.of(), 50);
        String csv = given().accept("text/csv")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"" + timeline + ".csv\"")
                .extract()
                .asString();
        assertTrue(csv.startsWith("eventId,timelineId,sequence,type,typeVersion,occurredAt,occurredAtPrecision,"
                + "recordedAt,title,summary,actors,actorNames,tags,sources,sourceUrls,reliability,corrected,"
                + "retracted,data\r\n"));
        // the title with quotes, a comma and a line feed is one quoted field; the formula summary is defused
        assertTrue(
                csv.contains(",\"Hegseth: \"\"no comment\"\", then\nsilence\",\"'=HYPERLINK(\"\"http://evil"
                        + ".example\"\") and, a comma\","),
                csv);
        assertTrue(csv.contains(
                ",dario-amodei;pete-hegseth,Dario Amodei;Pete Hegseth,meeting,The Verge,,reported," + "false,false,"));
        String[] rows = csv.split("\r\n");
        assertEquals(1 + walked.size(), rows.length);
        for (int i = 0; i < walked.size(); i++) {
            assertTrue(rows[i + 1].startsWith(walked.get(i).get("id").asText() + "," + timeline + ","), rows[i + 1]);
        }
    }

    @Test
    void anEmptyResultIsAnEmptyFile() {
        given().queryParam("tag", "no-such-tag")
                .accept("application/x-ndjson")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body(equalTo(""));
        given().queryParam("tag", "no-such-tag")
                .queryParam("format", "csv")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body(startsWith("eventId,"))
                .body(org.hamcrest.Matchers.endsWith("data\r\n"));
    }

    @Test
    void jsonStaysTheDefault() {
        given().get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("items.size()", equalTo(8));
        given().accept("*/*")
                .get("/v1/events?timeline=" + timeline)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("items.size()", equalTo(8));
        given().accept("application/json, application/x-ndjson, text/csv")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"));
        given().accept("text/csv;q=0.5, application/x-ndjson")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/x-ndjson"));
        given().queryParam("format", "xml")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("format"));
        given().queryParam("from", "nonsense")
                .accept("application/x-ndjson")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }
}
