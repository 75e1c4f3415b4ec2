package dev.annals.registry;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Events written under versions 1 and 2 of a type, and one recorded before the registry existed (a fixture put on
 * the topic as such events are): queries answer them upcast to version 3, before and after a rebuild, while the
 * journal and the topic keep every byte as written. A record of a type registered only after it was dead-lettered
 * is recovered by the rebuild.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class UpcastReadTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void queriesAnswerTheLatestVersionAndTheJournalAndTopicKeepWhatWasWritten() throws Exception {
        String type = RulingTypes.freshName();
        String timeline = Fixtures.timeline("upcast");
        RegistryApiTest.put(type, RulingTypes.v1()).then().statusCode(201);
        String v1 = append(timeline, RulingTypes.event(type, Map.of("judge", "ana-reyes", "outcome", "granted")));
        RegistryApiTest.put(type, RulingTypes.v2()).then().statusCode(201);
        Map<String, Object> namedV1 = RulingTypes.event(type, Map.of("judge", "li-wei", "outcome", "denied"));
        namedV1.put("typeVersion", 1);
        String stillV1 = append(timeline, namedV1);
        String v2 = append(
                timeline,
                RulingTypes.event(type, Map.of("judge", "ana-reyes", "outcome", "partly-granted", "courtroom", "7")));
        String tagAtV2 = given().queryParam("waitFor", timeline + ":3")
                .get("/v1/events/{id}", v1)
                .then()
                .statusCode(200)
                .body("typeVersion", equalTo(2))
                .extract()
                .header("ETag");
        RegistryApiTest.put(type, RulingTypes.v3()).then().statusCode(201);
        given().header("If-None-Match", tagAtV2)
                .get("/v1/events/{id}", v1)
                .then()
                .statusCode(200)
                .body("typeVersion", equalTo(3));
        String v3 = append(
                timeline,
                RulingTypes.event(type, Map.of("presidingJudge", "li-wei", "outcome", "denied", "appealable", true)));
        String legacyTimeline = Fixtures.timeline("legacy");
        String legacy = publishLegacy(legacyTimeline, type);
        String lateType = RulingTypes.freshName();
        String lateTimeline = Fixtures.timeline("late-type");
        long deadBefore = deadLettered();
        String early = publishLegacy(lateTimeline, lateType);

        JsonPath events = given().queryParam("waitFor", timeline + ":4")
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> ids = List.of(v1, stillV1, v2, v3);
        assertUpcast(events, ids);
        given().get("/v1/events/{id}", v1)
                .then()
                .body("typeVersion", equalTo(3))
                .body("writtenTypeVersion", equalTo(1))
                .body("data.presidingJudge", equalTo("ana-reyes"));
        assertUpcast(read("/v1/timelines/{t}/stream", timeline), ids);
        awaitLegacy(legacyTimeline, legacy);

        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 4);
        assertWritten(records, v1, 1, "judge");
        assertWritten(records, stillV1, 1, "judge");
        assertWritten(records, v2, 2, "judge");
        assertWritten(records, v3, 3, "presidingJudge");
        assertEquals("ana-reyes", journalData(v1).get("judge").asText(), "the journal keeps the data as written");
        assertNull(journalData(v1).get("presidingJudge"));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (deadLettered() == deadBefore && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(deadBefore + 1, deadLettered(), "the record of an unregistered type was dead-lettered");
        given().get("/v1/events/{id}", early).then().statusCode(404);
        RegistryApiTest.put(lateType, RulingTypes.v1()).then().statusCode(201);
        given().get("/v1/events/{id}", early).then().statusCode(404);

        rebuild();
        given().get("/v1/events/{id}", early)
                .then()
                .statusCode(200)
                .body("typeVersion", equalTo(1))
                .body("data.judge", equalTo("ana-reyes"));
        assertUpcast(read("/v1/timelines/{t}/events", timeline), ids);
        awaitLegacy(legacyTimeline, legacy);
    }

    private static JsonPath read(String path, String timeline) {
        return given().get(path, timeline).then().statusCode(200).extract().jsonPath();
    }

    private static void assertUpcast(JsonPath events, List<String> ids) {
        assertEquals(ids, events.getList("items.id"));
        assertEquals(List.of(3, 3, 3, 3), events.getList("items.typeVersion"));
        assertEquals(java.util.Arrays.asList(1, 1, 2, null), events.getList("items.writtenTypeVersion"));
        assertEquals(
                List.of("ana-reyes", "li-wei", "ana-reyes", "li-wei"), events.getList("items.data.presidingJudge"));
        assertEquals(java.util.Arrays.asList(null, null, null, null), events.getList("items.data.judge"));
        assertEquals(List.of(false, false, false, true), events.getList("items.data.appealable"));
        assertEquals("7", events.getString("items[2].data.courtroom"));
    }

    /** The pre-registry event is projected as version 1 and answered as version 3. */
    private static void awaitLegacy(String legacyTimeline, String legacy) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (given().get("/v1/events/{id}", legacy).statusCode() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        given().get("/v1/events/{id}", legacy)
                .then()
                .statusCode(200)
                .body("timelineId", equalTo(legacyTimeline))
                .body("typeVersion", equalTo(3))
                .body("writtenTypeVersion", equalTo(1))
                .body("data.presidingJudge", equalTo("ana-reyes"))
                .body("data.judge", nullValue());
    }

    private static void assertWritten(
            List<ConsumerRecord<String, String>> records, String id, int version, String judgeField) throws Exception {
        ConsumerRecord<String, String> record = records.stream()
                .filter(r -> id.equals(TopicProbe.header(r, "ce_id")))
                .findFirst()
                .orElseThrow();
        JsonNode value = MAPPER.readTree(record.value());
        assertEquals(version, value.get("typeVersion").asInt());
        assertTrue(value.get("data").has(judgeField), record.value());
        assertNull(value.get("writtenTypeVersion"));
        String dataschema = TopicProbe.header(record, "ce_dataschema");
        assertTrue(
                dataschema.endsWith("/v1/event-types/" + value.get("type").asText() + "/versions/" + version),
                dataschema);
    }

    private static String append(String timeline, Map<String, Object> event) {
        given().contentType(ContentType.JSON)
                .body(List.of(event))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        return (String) event.get("id");
    }

    private static String publishLegacy(String timeline, String type) throws Exception {
        String id = UUID.randomUUID().toString();
        String template;
        try (InputStream in = UpcastReadTest.class.getResourceAsStream("/registry/legacy-ruling-v1.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        String value = String.format(template, id, timeline, type);
        try (KafkaProducer<String, byte[]> producer = TopicProbe.producer()) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(TopicProbe.TOPIC, timeline, value.getBytes(StandardCharsets.UTF_8));
            Map.of(
                            "ce_specversion",
                            "1.0",
                            "ce_id",
                            id,
                            "ce_source",
                            "/annals",
                            "ce_type",
                            "dev.annals." + type,
                            "ce_subject",
                            timeline,
                            "ce_sequence",
                            "1")
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        }
        return id;
    }

    private static JsonNode journalData(String id) throws Exception {
        try (Connection connection = AnnalsInfraResource.connect();
                PreparedStatement select =
                        connection.prepareStatement("select payload from journal where event_id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return MAPPER.readTree(rs.getString(1)).get("data");
            }
        }
    }

    private static long deadLettered() {
        return given().get("/v1/projections")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].deadLettered");
    }

    private static void rebuild() throws InterruptedException {
        int before = given().get("/v1/projections").then().extract().path("items[0].activeGeneration");
        given().post("/v1/projections/timeline/rebuild").then().statusCode(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int active = before;
        while (active == before && System.nanoTime() < deadline) {
            Thread.sleep(200);
            active = given().get("/v1/projections").then().extract().path("items[0].activeGeneration");
        }
        assertTrue(active > before, "the rebuild switched generations");
    }
}
