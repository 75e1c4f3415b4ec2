package dev.annals.projection;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A rebuild never silently drops an event: what it rejects is dead-lettered with its generation, and it refuses to
 * switch while the live generation holds events it would lose; its state is in the database and it survives the
 * instance that ran it.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class RebuildSafetyTest {
    @Inject
    EventDecoder decoder;

    @Inject
    TimelineProjector projector;

    @Inject
    Generations generations;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRebuildThatRejectsAnEventTheLiveGenerationHoldsDeadLettersItAndRefusesToSwitch() throws Exception {
        String timeline = Fixtures.timeline("rebuild-rejects");
        Map<String, Object> kept = Fixtures.statement("kept");
        Map<String, Object> victim = Fixtures.statement("rejected by the rebuild");
        String victimId = (String) victim.get("id");
        String position = given().contentType(ContentType.JSON)
                .body(List.of(kept, victim))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        assertEquals(2, titles(timeline, position).size(), "the live generation holds both events");
        int activeBefore = projections().getInt("items[0].activeGeneration");

        DecoderFaults.reject(decoder, victimId, "the data no longer satisfies the (changed) schema");
        int generation;
        JsonPath status;
        try {
            generation = given().post("/v1/projections/timeline/rebuild")
                    .then()
                    .statusCode(202)
                    .extract()
                    .path("rebuild.generation");
            status = awaitRebuildEnd(generation);
        } finally {
            DecoderFaults.clear(decoder);
        }

        assertEquals("refused", status.getString("items[0].rebuild.state"), status.prettify());
        assertTrue(status.getLong("items[0].rebuild.rejectedLive") >= 1, status.prettify());
        assertEquals(0, status.getLong("items[0].rebuild.missing"), status.prettify());
        assertTrue(status.getString("items[0].rebuild.reason").contains("dead-lettered"), status.prettify());
        // a rebuild may also hold events the live generation lacks (one it once dead-lettered), never fewer
        assertTrue(
                status.getLong("items[0].rebuild.rebuiltEvents") + status.getLong("items[0].rebuild.rejectedLive")
                        >= status.getLong("items[0].rebuild.liveEvents"),
                "every event of the live generation is rebuilt or dead-lettered: " + status.prettify());
        assertEquals(activeBefore, status.getInt("items[0].activeGeneration"), "queries stay on the live generation");
        assertEquals(List.of("kept", "rejected by the rebuild"), titles(timeline, position));
        assertEquals(
                List.of("refused"),
                column("select state::text from projection_rebuild where generation = ?", generation));

        ConsumerRecord<String, String> source =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() == 2).stream()
                        .filter(r -> victimId.equals(TopicProbe.header(r, "ce_id")))
                        .findFirst()
                        .orElseThrow();
        List<ConsumerRecord<String, byte[]>> dead = DecoderFaults.deadLetters(
                AnnalsInfraResource.kafkaBootstrapServers(), victimId, found -> !found.isEmpty());
        // a dead letter may repeat (a batch retried record by record publishes it again): one per dedupe key
        assertEquals(
                1,
                dead.stream()
                        .map(d -> DecoderFaults.header(d, "annals_dlq_generation") + "/"
                                + DecoderFaults.header(d, "annals_dlq_topic") + "/"
                                + DecoderFaults.header(d, "annals_dlq_partition") + "/"
                                + DecoderFaults.header(d, "annals_dlq_offset"))
                        .distinct()
                        .count(),
                "the live generation accepted it: only the rebuild dead-lettered it");
        for (ConsumerRecord<String, byte[]> copy : dead) {
            assertEquals(Integer.toString(generation), DecoderFaults.header(copy, "annals_dlq_generation"));
            assertEquals("rebuild", DecoderFaults.header(copy, "annals_dlq_runner"));
        }
        ConsumerRecord<String, byte[]> letter = dead.get(0);
        assertEquals("invalid-data", DecoderFaults.header(letter, "annals_dlq_reason"));
        assertTrue(DecoderFaults.header(letter, "annals_dlq_detail").contains("changed"));
        // the key to deduplicate dead letters by
        assertEquals(source.topic(), DecoderFaults.header(letter, "annals_dlq_topic"));
        assertEquals(Integer.toString(source.partition()), DecoderFaults.header(letter, "annals_dlq_partition"));
        assertEquals(Long.toString(source.offset()), DecoderFaults.header(letter, "annals_dlq_offset"));

        // with the decoder fixed, the next rebuild holds everything and switches
        int next = given().post("/v1/projections/timeline/rebuild")
                .then()
                .statusCode(202)
                .extract()
                .path("rebuild.generation");
        assertTrue(next > generation, "generation numbers are never reused");
        JsonPath after = awaitRebuildEnd(next);
        assertEquals("switched", after.getString("items[0].rebuild.state"), after.prettify());
        assertEquals(0, after.getLong("items[0].rebuild.missing"));
        assertEquals(0, after.getLong("items[0].rebuild.rejectedLive"));
        assertEquals(next, after.getInt("items[0].activeGeneration"));
        assertEquals(List.of("kept", "rejected by the rebuild"), titles(timeline, position));
    }

    @Test
    void aRebuildWhoseInstanceDiedIsResumedFromTheDatabaseByAnotherAndSwitches() throws Exception {
        String timeline = Fixtures.timeline("rebuild-resumed");
        String position = given().contentType(ContentType.JSON)
                .body(Fixtures.statements("resumed", 3))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        assertEquals(3, titles(timeline, position).size());

        projector.stop();
        int generation;
        try {
            // what an instance that crashed mid-rebuild leaves behind: a rebuild in progress, owned, gone quiet
            generation = generations.startRebuild("crashed-instance");
            execute(
                    "update projection_rebuild set updated_at = now() - interval '1 hour' where generation = ?",
                    generation);
            JsonPath recorded = projections();
            assertEquals(generation, recorded.getInt("items[0].rebuild.generation"));
            assertEquals("rebuilding", recorded.getString("items[0].rebuild.state"));
            assertEquals("crashed-instance", recorded.getString("items[0].rebuild.owner"));
        } finally {
            projector.start();
        }

        JsonPath status = awaitRebuildEnd(generation);
        assertEquals("switched", status.getString("items[0].rebuild.state"), status.prettify());
        assertNotEquals("crashed-instance", status.getString("items[0].rebuild.owner"));
        assertEquals(projector.instance(), status.getString("items[0].rebuild.owner"), "taken over by this instance");
        assertEquals(generation, status.getInt("items[0].activeGeneration"));
        assertEquals(3, titles(timeline, position).size());
    }

    @Test
    void aRebuildOwnedByAnInstanceThatStillReportsIsNotTakenOverAndCanBeAbandoned() throws Exception {
        int generation = generations.startRebuild("busy-instance");
        try {
            projector.resumeRebuild();
            JsonPath status = projections();
            assertEquals("rebuilding", status.getString("items[0].rebuild.state"));
            assertEquals("busy-instance", status.getString("items[0].rebuild.owner"));
        } finally {
            generations.abandon(generation, "the test gave it up");
        }
        JsonPath status = projections();
        assertEquals("abandoned", status.getString("items[0].rebuild.state"));
        assertEquals("the test gave it up", status.getString("items[0].rebuild.reason"));
        assertEquals(
                List.of(""),
                column("select coalesce(building_generation::text, '') from projection_state where ? > 0", generation));
    }

    private static JsonPath awaitRebuildEnd(int generation) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            JsonPath status = projections();
            if (status.getInt("items[0].rebuild.generation") == generation
                    && !"rebuilding".equals(status.getString("items[0].rebuild.state"))) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the rebuild did not end: " + status.prettify());
            }
            Thread.sleep(100);
        }
    }

    private static JsonPath projections() {
        return given().get("/v1/projections").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> titles(String timeline, String position) {
        return given().queryParam("waitFor", position)
                .queryParam("limit", 500)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.title");
    }

    private void execute(String sql, int generation) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, generation);
            statement.executeUpdate();
        }
    }

    private List<String> column(String sql, int generation) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, generation);
            try (ResultSet rs = statement.executeQuery()) {
                List<String> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
                return values;
            }
        }
    }
}
