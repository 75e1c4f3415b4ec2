package dev.annals.projection;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The actor counts behind an unfiltered /v1/actors stay exact: records repeated on the topic are not counted again,
 * and a rebuild counts every event once; at any moment they equal a recount of the read model.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class ActorCountsTest {
    @Inject
    AgroalDataSource dataSource;

    @Test
    void countsStayExactAcrossDuplicatesOnTheTopicAndARebuild() throws Exception {
        String timeline = Fixtures.timeline("actor-counts");
        String actor = timeline + "-actor";
        List<Map<String, Object>> events = List.of(event("one", actor), event("two", actor), event("three", actor));
        String position = append(timeline, events);
        assertEquals(3, count(position, actor));
        assertMaintainedCountsEqualARecount();

        List<ConsumerRecord<String, String>> published =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() == 3);
        assertEquals(3, published.size());
        try (KafkaProducer<String, String> producer = producer()) {
            for (ConsumerRecord<String, String> record : published) {
                ProducerRecord<String, String> again =
                        new ProducerRecord<>(record.topic(), record.key(), record.value());
                record.headers().forEach(h -> again.headers().add(h.key(), h.value()));
                producer.send(again);
            }
            producer.flush();
        }
        position = append(timeline, List.of(event("four", actor)));
        assertEquals(4, count(position, actor), "the repeated records were skipped");
        assertMaintainedCountsEqualARecount();

        int before = given().get("/v1/projections").then().extract().path("items[0].activeGeneration");
        given().post("/v1/projections/timeline/rebuild").then().statusCode(202);
        long deadline = System.currentTimeMillis() + 120_000;
        int active = before;
        while (active == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            active = given().get("/v1/projections").then().extract().path("items[0].activeGeneration");
        }
        assertTrue(active > before, "the rebuild switched generations");
        assertEquals(4, count(position, actor), "the rebuilt generation counts each event once");
        assertMaintainedCountsEqualARecount();
    }

    private static Map<String, Object> event(String title, String actor) {
        return Fixtures.event(
                "statement-issued",
                title,
                "2026-02-26T18:00:00Z",
                "hour",
                List.of(actor, "anthropic"),
                List.of(),
                "Reuters",
                Map.of("speaker", actor, "quote", "q"));
    }

    private static String append(String timeline, List<Map<String, Object>> events) {
        return given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
    }

    /** The actor's count in the unfiltered /v1/actors, once the read model holds {@code position}. */
    private static long count(String position, String actor) {
        List<Map<String, Object>> actors = given().queryParam("waitFor", position)
                .queryParam("limit", 500)
                .get("/v1/actors")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        Map<String, Object> summary = actors.stream()
                .filter(a -> actor.equals(a.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(actor + " not in " + actors));
        assertEquals(Fixtures.name(actor), summary.get("name"));
        return ((Number) summary.get("eventCount")).longValue();
    }

    /** In one snapshot: the maintained counts of the active generation differ from a recount nowhere. */
    private void assertMaintainedCountsEqualARecount() throws Exception {
        String sql = """
                with active as (select active_generation as g from projection_state where projection = 'timeline'),
                recount as (
                    select a.id, max(a.name) as name, count(*) as event_count
                    from read_event e cross join lateral unnest(e.actor_ids, e.actor_names) as a(id, name)
                    where e.generation = (select g from active) and e.retracted_at is null group by a.id),
                maintained as (select actor_id as id, name, event_count from read_actor
                               where generation = (select g from active))
                select count(*) from ((table recount except table maintained)
                                      union all (table maintained except table recount)) as differing""";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            assertEquals(0, rs.getLong(1), "actors whose maintained count differs from a recount");
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
