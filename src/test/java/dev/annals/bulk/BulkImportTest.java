package dev.annals.bulk;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.security.Roles;
import dev.annals.support.Api;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import dev.annals.testing.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class BulkImportTest {
    static ValidatableResponse post(String timeline, String ndjson) {
        return post(timeline, ndjson.getBytes(StandardCharsets.UTF_8), "");
    }

    static ValidatableResponse post(String timeline, byte[] body, String query) {
        return given().contentType("application/x-ndjson")
                .body(body)
                .post("/v1/timelines/{t}/events" + query, timeline)
                .then();
    }

    @Test
    void countsAppendedPresentAndRejectedLines() {
        String timeline = Fixtures.timeline("import");
        Map<String, Object> noTitle = Fixtures.statement("x");
        noTitle.remove("title");
        Map<String, Object> noId = Fixtures.statement("without an id");
        noId.remove("id");
        String file = String.join(
                "\n",
                Fixtures.json(Fixtures.statement("one")),
                "",
                Fixtures.json(noTitle),
                "{not json",
                Fixtures.json(Fixtures.statement("two")),
                "[1, 2]",
                Fixtures.json(noId),
                "   ",
                Fixtures.json(Fixtures.statement("three")) + "\r");
        post(timeline, file)
                .statusCode(200)
                .body("timelineId", equalTo(timeline))
                .body("lines", equalTo(9))
                .body("appended", equalTo(4))
                .body("alreadyPresent", equalTo(0))
                .body("rejected", equalTo(3))
                .body("errors.line", contains(3, 4, 6))
                .body("errors[0].pointer", equalTo("/title"))
                .body("errors[0].rule", equalTo("required"))
                .body("errors[1].rule", equalTo("json"))
                .body("errors[2].rule", equalTo("type"))
                .body("version", equalTo(4))
                .body("position", equalTo(timeline + ":4"));

        // the same file again adds nothing: ids sent, and the derived id of the line without one
        post(timeline, file)
                .statusCode(200)
                .body("appended", equalTo(0))
                .body("alreadyPresent", equalTo(4))
                .body("rejected", equalTo(3))
                .body("version", equalTo(4));
        given().get("/v1/timelines/{t}/stream", timeline)
                .then()
                .body("items.title", contains("one", "two", "without an id", "three"));
    }

    @Test
    void mixedChunksAndIdConflicts() {
        String timeline = Fixtures.timeline("import-mixed");
        Map<String, Object> first = Fixtures.statement("first");
        post(timeline, Fixtures.json(first)).statusCode(200).body("appended", equalTo(1));

        Map<String, Object> reused = Fixtures.statement("other content");
        reused.put("id", first.get("id"));
        Map<String, Object> fresh = Fixtures.statement("fresh");
        String file = String.join(
                "\n", Fixtures.json(fresh), Fixtures.json(first), Fixtures.json(reused), Fixtures.json(fresh));
        post(timeline, file)
                .statusCode(200)
                .body("appended", equalTo(1))
                .body("alreadyPresent", equalTo(2))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].pointer", equalTo("/id"))
                .body("errors[0].rule", equalTo("idConflict"))
                .body("version", equalTo(2));
    }

    @Test
    void bodiesOfAnyLengthLinesOfBoundedLength() {
        String timeline = Fixtures.timeline("import-large");
        // 17 MiB, past both annals.http.max-body-bytes and the HTTP server's own limit, sent with Content-Length
        byte[] body = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) '\n');
        byte[] tooLong = ("{\"title\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tooLong, 0, body, 10, tooLong.length);
        byte[] event = Fixtures.json(Fixtures.statement("at the end")).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(event, 0, body, body.length - event.length - 1, event.length);
        post(timeline, body, "")
                .statusCode(200)
                .body("appended", equalTo(1))
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(11))
                .body("errors[0].rule", equalTo("maxBytes"));
    }

    @Test
    void exportedLinesImportAsTheyAre() {
        String source = Fixtures.timeline("round-trip-a");
        String position = BulkStory.append(source);
        String exported = given().queryParam("waitFor", position)
                .accept("application/x-ndjson")
                .get("/v1/timelines/{t}/events", source)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String copy = Fixtures.timeline("round-trip-b");
        // the same ids belong to the source timeline on this instance ...
        post(copy, exported).statusCode(200).body("appended", equalTo(0)).body("rejected", equalTo(8));
        // ... ids=derive copies it, again and again idempotently
        String copied = post(copy, exported.getBytes(StandardCharsets.UTF_8), "?ids=derive")
                .statusCode(200)
                .body("appended", equalTo(8))
                .body("rejected", equalTo(0))
                .extract()
                .path("position");
        post(copy, exported.getBytes(StandardCharsets.UTF_8), "?ids=derive")
                .statusCode(200)
                .body("appended", equalTo(0))
                .body("alreadyPresent", equalTo(8));
        String reexported = given().queryParam("waitFor", copied)
                .queryParam("format", "ndjson")
                .get("/v1/timelines/{t}/events", copy)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<JsonNode> before = BulkStory.lines(exported);
        List<JsonNode> after = BulkStory.lines(reexported);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(copy, after.get(i).get("timelineId").asText());
            assertEquals(strip(before.get(i)), strip(after.get(i)), "event " + i);
        }
    }

    private static JsonNode strip(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.remove(List.of("id", "timelineId", "sequence", "recordedAt"));
        return copy;
    }

    @Test
    void contentTypeAndTokens() {
        String timeline = Fixtures.timeline("import-refused");
        byte[] line = Fixtures.json(Fixtures.statement("one")).getBytes(StandardCharsets.UTF_8);
        given().contentType("text/plain")
                .body(line)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(415);
        Api.anonymous()
                .contentType("application/x-ndjson")
                .body(line)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(401);
        Api.as(TestTokens.withGroups(Roles.READER))
                .contentType("application/x-ndjson")
                .body(line)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(403);
        Api.as(TestTokens.withClaims(Set.of(Roles.WRITER), Map.of("annals_timelines", List.of("elsewhere-*"))))
                .contentType("application/x-ndjson")
                .body(line)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(403);
        given().contentType("application/x-ndjson")
                .body(line)
                .post("/v1/timelines/{t}/events?ids=other", timeline)
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("ids"));
        given().get("/v1/timelines/{t}", timeline).then().statusCode(404);
    }
}
