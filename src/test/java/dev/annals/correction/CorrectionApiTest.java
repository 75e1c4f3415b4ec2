package dev.annals.correction;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Corrections and retractions through the public API, projected through real Kafka and PostgreSQL: the current
 * view applies them (filters and full text see the corrected fields), the history keeps every version, the checks
 * refuse what cannot be, and nothing refused is stored or published.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class CorrectionApiTest {

    @Test
    void aCorrectionIsAppliedEverywhereTheEventIsReadAndItsHistoryKeepsTheOriginal() {
        String timeline = Fixtures.timeline("corrected");
        List<Map<String, Object>> events = Fixtures.statements("Meeting", 3);
        events.get(1).put("title", "Delegates meet in Geneva");
        String id = (String) events.get(1).get("id");
        String first = append(timeline, events);
        JsonPath correction = given().contentType(ContentType.JSON)
                .body(Map.of(
                        "changes",
                        Map.of("title", "Delegates meet in Vienna", "occurredAt", "2026-02-28T10:00:00+01:00"),
                        "reason",
                        "The meeting moved to Vienna, two days later",
                        "source",
                        Map.of("publisher", "Reuters", "reliability", "confirmed")))
                .post("/v1/events/{id}/corrections", id)
                .then()
                .statusCode(201)
                .body("version", equalTo(4))
                .extract()
                .jsonPath();
        String position = correction.getString("position");

        given().queryParam("waitFor", position)
                .get("/v1/events/{id}", id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Delegates meet in Vienna"))
                .body("occurredAt", equalTo("2026-02-28T10:00:00+01:00"))
                .body("sequence", equalTo(2))
                .body("corrected", equalTo(true))
                .body("revisions", equalTo(1))
                .body("correctedAt", notNullValue())
                .body("summary", equalTo("A statement for a test."));
        List<String> titles =
                given().get("/v1/timelines/{t}/events", timeline).jsonPath().getList("items.title");
        assertEquals(
                List.of("Meeting 1", "Meeting 3", "Delegates meet in Vienna"), titles, "re-ordered by the new day");
        given().queryParam("timeline", timeline)
                .queryParam("from", "2026-02-28T00:00:00Z")
                .get("/v1/events")
                .then()
                .body("items.id", contains(id));
        given().queryParam("timeline", timeline)
                .queryParam("q", "vienna")
                .get("/v1/events")
                .then()
                .body("items.id", contains(id));
        given().queryParam("timeline", timeline)
                .queryParam("q", "geneva")
                .get("/v1/events")
                .then()
                .body("items", org.hamcrest.Matchers.empty());

        JsonPath history = given().get("/v1/events/{id}/history", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of("recorded", "corrected"), history.getList("entries.kind"));
        assertEquals("Delegates meet in Geneva", history.getString("entries[0].event.title"));
        assertEquals(timeline + ":2", history.getString("entries[0].position"));
        assertEquals("Delegates meet in Vienna", history.getString("entries[1].event.title"));
        assertEquals("The meeting moved to Vienna, two days later", history.getString("entries[1].reason"));
        assertEquals("Reuters", history.getString("entries[1].source.publisher"));
        assertEquals("Delegates meet in Vienna", history.getString("entries[1].changes.title"));
        assertEquals(position, history.getString("entries[1].position"));
        assertEquals("test-all", history.getString("entries[1].recordedBy"));

        // as of before the correction: the event as first recorded
        given().queryParam("asOf", first)
                .get("/v1/events/{id}", id)
                .then()
                .body("title", equalTo("Delegates meet in Geneva"))
                .body("corrected", nullValue());
        given().queryParam("asOf", position).get("/v1/events/{id}", id).then().body("revisions", equalTo(1));

        // subscribers see the correction as an ordinary CloudEvent naming the event
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), list -> list.size() >= 4);
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        assertEquals("dev.annals.event-corrected", TopicProbe.header(last, "ce_type"));
        assertTrue(last.value().contains("\"eventId\":\"" + id + "\""), last.value());
    }

    @Test
    void aRetractedEventIsHiddenUnlessAskedForAndCannotChangeAgain() {
        String timeline = Fixtures.timeline("retracted");
        List<Map<String, Object>> events = Fixtures.statements("Claim", 2);
        String id = (String) events.get(0).get("id");
        append(timeline, events);
        String retractionId = UUID.randomUUID().toString();
        Map<String, Object> retraction = Map.of("id", retractionId, "reason", "The report was withdrawn");
        String position = given().contentType(ContentType.JSON)
                .body(retraction)
                .post("/v1/events/{id}/retractions", id)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        // a retry of the same retraction is answered as the first time, not refused as a second one
        given().contentType(ContentType.JSON)
                .body(retraction)
                .post("/v1/events/{id}/retractions", id)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");

        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.title", contains("Claim 2"));
        given().queryParam("include", "retracted")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .body("items.title", contains("Claim 1", "Claim 2"))
                .body("items[0].retracted", equalTo(true))
                .body("items[0].retractionReason", equalTo("The report was withdrawn"))
                .body("items[1].retracted", nullValue());
        given().get("/v1/events/{id}", id).then().statusCode(200).body("retracted", equalTo(true));

        given().contentType(ContentType.JSON)
                .body(Map.of("changes", Map.of("title", "Too late"), "reason", "x"))
                .post("/v1/events/{id}/corrections", id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("eventId"))
                .body("errors[0].rule", equalTo("notRetracted"));
        assertEquals(3, timelineVersion(timeline), "nothing stored");
    }

    @Test
    void badCorrectionsAreRefusedNamingTheRuleAndNothingIsStored() {
        String timeline = Fixtures.timeline("refused");
        List<Map<String, Object>> events = Fixtures.statements("Vote", 1);
        String id = (String) events.get(0).get("id");
        append(timeline, events);
        refused(
                id,
                Map.of("changes", Map.of("title", "Vote 1"), "reason", "same"),
                422,
                "/changes",
                "changesSomething");
        refused(
                id,
                Map.of("changes", Map.of("type", "meeting-held"), "reason", "no"),
                422,
                "/changes",
                "additionalProperties");
        refused(id, Map.of("changes", Map.of("title", ""), "reason", "empty"), 422, "/changes/title", "minLength");
        refused(
                id,
                Map.of("changes", Map.of("data", Map.of("speaker", 7)), "reason", "bad data"),
                422,
                "/changes/data/speaker",
                "type");
        refused(id, Map.of("changes", Map.of("title", "x")), 422, "/reason", "required");
        refused(
                id,
                Map.of("changes", Map.of("title", "x"), "reason", "r", "extra", 1),
                400,
                "/extra",
                "additionalProperties");
        given().contentType(ContentType.JSON)
                .body(Map.of("changes", Map.of("title", "x"), "reason", "r"))
                .post("/v1/events/{id}/corrections", UUID.randomUUID())
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("changes", Map.of("title", "x"), "reason", "r"))
                .post("/v1/events/not-a-uuid/corrections")
                .then()
                .statusCode(400)
                .body("errors[0].parameter", equalTo("eventId"));

        // appended by hand to another timeline
        String other = Fixtures.timeline("elsewhere");
        given().contentType(ContentType.JSON)
                .body(List.of(change("event-corrected", id, Map.of("changes", Map.of("title", "x"), "reason", "r"))))
                .post("/v1/timelines/{t}/events", other)
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/0/data/eventId"))
                .body("errors[0].rule", equalTo("sameTimeline"));
        assertEquals(1, timelineVersion(timeline), "nothing stored");
        assertEquals(0, timelineVersion(other), "nothing stored");
    }

    @Test
    void aChangeNamingACorrectionChangesThatCorrectionsEvent() {
        String timeline = Fixtures.timeline("chain");
        List<Map<String, Object>> events = Fixtures.statements("Deal", 1);
        String id = (String) events.get(0).get("id");
        append(timeline, events);
        Map<String, Object> first =
                change("event-corrected", id, Map.of("changes", Map.of("title", "Deal A"), "reason", "r1"));
        Map<String, Object> second = change(
                "event-corrected",
                (String) first.get("id"),
                Map.of("changes", Map.of("tags", List.of("deal")), "reason", "r2"));
        String position = append(timeline, List.of(first, second));
        given().queryParam("waitFor", position)
                .get("/v1/events/{id}", id)
                .then()
                .body("title", equalTo("Deal A"))
                .body("tags", contains("deal"))
                .body("revisions", equalTo(2));
        given().get("/v1/timelines/{t}/stream", timeline)
                .then()
                .body("items[2].data.eventId", equalTo(id))
                .body("items.type", hasItem("event-corrected"));
        given().get("/v1/events/{id}/history", id).then().body("entries.revision", contains(0, 1, 2));
    }

    static Map<String, Object> change(String type, String eventId, Map<String, Object> data) {
        Map<String, Object> body = new java.util.HashMap<>(data);
        body.put("eventId", eventId);
        return new java.util.LinkedHashMap<>(Map.of(
                "id",
                UUID.randomUUID().toString(),
                "type",
                type,
                "occurredAt",
                "2026-03-01T12:00:00Z",
                "title",
                "A change",
                "data",
                body));
    }

    private static void refused(String id, Map<String, Object> body, int status, String pointer, String rule) {
        given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/events/{id}/corrections", id)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItem(pointer))
                .body("errors.rule", hasItem(rule));
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

    private static long timelineVersion(String timeline) {
        int status = given().get("/v1/timelines/{t}", timeline).statusCode();
        return status == 404
                ? 0
                : given().get("/v1/timelines/{t}", timeline).jsonPath().getLong("version");
    }
}
