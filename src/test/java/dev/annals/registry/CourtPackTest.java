package dev.annals.registry;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.devrun.PackFiles;
import dev.annals.devrun.PackType;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The court-case pack and its storyline, loaded over HTTP exactly as the dev run loads them: every type registers
 * (and again is a no-op), every example is accepted as event data, and the whole storyline appends and reads back.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class CourtPackTest {
    static final Path PACK = Path.of("src/main/resources/packs/court-case");
    static final Path STORYLINE = Path.of("src/main/resources/seed/meridian-logistics-case.json");
    static final String TIMELINE = "meridian-logistics-case";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** PUTs every type of the pack; 201 the first time, 200 (nothing changed) when a test got there first. */
    static List<PackType> registerPack() throws Exception {
        List<PackType> types = PackFiles.read(PACK);
        for (PackType type : types) {
            int status = put(type).then().extract().statusCode();
            assertTrue(status == 201 || status == 200, type.type() + ": HTTP " + status);
        }
        return types;
    }

    static Response put(PackType type) {
        return given().contentType(ContentType.JSON).body(type.definition()).put("/v1/event-types/{t}", type.type());
    }

    @Test
    void everyTypeRegistersAsVersionOneAndAgainIsANoOp() throws Exception {
        List<PackType> types = registerPack();
        assertEquals(List.of("lawsuit-filed", "hearing-held", "ruling-issued", "appeal-filed"), names(types));
        for (PackType type : types) {
            JsonNode schema = MAPPER.readTree(type.definition()).get("schema");
            put(type).then().statusCode(200).body("latestVersion", equalTo(1));
            given().get("/v1/event-types/{t}", type.type())
                    .then()
                    .statusCode(200)
                    .body("title", equalTo(schema.get("title").asText()))
                    .body("examples.size()", equalTo(schema.get("examples").size()));
            given().get("/v1/event-types/{t}/versions/1", type.type())
                    .then()
                    .statusCode(200)
                    .body("$id", equalTo("https://annals.dev/schemas/event-types/" + type.type() + "/v1.json"));
        }
    }

    @Test
    void theBodiesAreWhatTheAppRegistersForItsOwnPacks() throws Exception {
        for (PackType type : PackFiles.read(PACK)) {
            JsonNode body = MAPPER.readTree(type.definition());
            EventTypeDefinition seeded = SeedPacks.definition(body.get("schema"));
            assertEquals(seeded.title(), body.get("title").asText());
            assertEquals(seeded.description(), body.get("description").asText());
            assertEquals(seeded.schema(), body.get("schema"));
            assertEquals(seeded.examples(), body.get("examples"));
        }
    }

    @Test
    void everyExampleIsAcceptedAsTheDataOfAnEvent() throws Exception {
        String timeline = Fixtures.timeline("court-examples");
        int appended = 0;
        for (PackType type : registerPack()) {
            for (JsonNode example : MAPPER.readTree(type.definition()).get("examples")) {
                Map<String, Object> event = Fixtures.event(
                        type.type(),
                        "Example of " + type.type(),
                        "2026-03-03T00:00:00-08:00",
                        "day",
                        List.of("meridian-logistics"),
                        List.of("court"),
                        "Kessington County Superior Court docket",
                        MAPPER.convertValue(example, Map.class));
                String position = given().contentType(ContentType.JSON)
                        .body(List.of(event))
                        .post("/v1/timelines/{t}/events", timeline)
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("position");
                appended++;
                JsonNode read = MAPPER.readTree(given().queryParam("waitFor", position)
                        .get("/v1/events/{id}", event.get("id"))
                        .then()
                        .statusCode(200)
                        .body("typeVersion", equalTo(1))
                        .body("writtenTypeVersion", nullValue())
                        .extract()
                        .asString());
                assertEquals(example, read.get("data"), type.type() + " example read back as written");
            }
        }
        assertEquals(5, appended, "one example per type, two for ruling-issued");
    }

    @Test
    void theStorylineAppendsWholeAndReadsBackInOrder() throws Exception {
        registerPack();
        byte[] storyline = Files.readAllBytes(STORYLINE);
        JsonNode events = MAPPER.readTree(storyline);
        assertTrue(events.size() >= 8 && events.size() <= 12, events.size() + " events");
        Response append =
                given().contentType(ContentType.JSON).body(storyline).post("/v1/timelines/{t}/events", TIMELINE);
        append.then().statusCode(201);
        String position = append.path("position");

        JsonPath read = given().queryParam("waitFor", position)
                .queryParam("limit", 100)
                .get("/v1/timelines/{t}/events", TIMELINE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(events.size(), read.getList("items").size());
        assertEquals(field(events, "type"), read.getList("items.type"));
        assertEquals(field(events, "id"), read.getList("items.id"));
        assertEquals(field(events, "title"), read.getList("items.title"));
        assertTrue(read.getList("items.type").contains("lawsuit-filed"), "the pack's types are used");
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, read.getLong("items[" + i + "].sequence"));
            assertEquals(1, read.getInt("items[" + i + "].typeVersion"));
        }

        // the dev run and the compose seed post the same file again on every start
        given().contentType(ContentType.JSON)
                .body(storyline)
                .post("/v1/timelines/{t}/events", TIMELINE)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true");
    }

    @Test
    void aRulingWithoutAHoldingIsRefused() throws Exception {
        registerPack();
        Map<String, Object> event = Fixtures.event(
                "ruling-issued",
                "A ruling that says nothing",
                "2026-03-03T00:00:00-08:00",
                "day",
                List.of("judge-teodora-vance"),
                List.of("court"),
                "Kessington County Superior Court docket",
                Map.of(
                        "court",
                        "Kessington County Superior Court",
                        "issuedBy",
                        List.of("judge-teodora-vance"),
                        "kind",
                        "order"));
        given().contentType(ContentType.JSON)
                .body(List.of(event))
                .post("/v1/timelines/{t}/events", Fixtures.timeline("court-refused"))
                .then()
                .statusCode(422)
                .body(containsString("holding"));
    }

    private static List<String> names(List<PackType> types) {
        return types.stream().map(PackType::type).toList();
    }

    private static List<String> field(JsonNode events, String name) {
        List<String> values = new ArrayList<>();
        events.forEach(e -> values.add(e.get(name).asText()));
        return values;
    }
}
