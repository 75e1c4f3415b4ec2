package dev.annals.projection;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Anyone can write to the topic: garbage goes to the dead-letter topic and the projection carries on. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class PoisonRecordsTest {
    static final String DLQ = "annals.events.dlq";

    @Test
    void garbageIsDeadLetteredAndValidRecordsAroundItAreProjected() {
        String timeline = Fixtures.timeline("poison");
        Map<String, Object> before = Fixtures.statement("before the garbage");
        Map<String, Object> after = Fixtures.statement("after the garbage");
        given().contentType(ContentType.JSON)
                .body(List.of(before))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() == 1);
        long deadBefore = deadLettered();

        Map<String, String> reasons = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            reasons.put(
                    send(producer, timeline, "not json at all", ceHeaders("statement-issued", timeline)), "not-json");
            reasons.put(send(producer, timeline, "{\"hello\":\"world\"}", Map.of()), "missing-header");
            reasons.put(send(producer, timeline, "{}", ceHeaders("alien-landed", timeline)), "unknown-type");
            String invalidData = "{\"id\":\"%s\",\"timelineId\":\"" + timeline + "\",\"sequence\":99,"
                    + "\"type\":\"statement-issued\",\"occurredAt\":\"2026-02-26T18:00:00Z\","
                    + "\"occurredAtPrecision\":\"hour\",\"recordedAt\":\"2026-02-26T18:00:00Z\",\"title\":\"t\","
                    + "\"actors\":[],\"sources\":[],\"tags\":[],\"data\":{\"speaker\":\"Not A Slug\"}}";
            reasons.put(sendWithOwnId(producer, timeline, invalidData), "invalid-data");
            reasons.put(
                    send(producer, timeline, "{\"title\":\"no id\"}", ceHeaders("statement-issued", timeline)),
                    "invalid-event");
            // records that would break the read model's columns must be dead-lettered, not retried forever
            reasons.put(
                    sendWithOwnId(
                            producer,
                            timeline,
                            invalidData
                                    .replace("\"title\":\"t\"", "\"title\":\"nul \\u0000 inside\"")
                                    .replace(
                                            "\"speaker\":\"Not A Slug\"",
                                            "\"speaker\":\"dario-amodei\",\"quote\":\"q\"")),
                    "invalid-event");
            reasons.put(
                    sendWithOwnId(
                            producer,
                            timeline,
                            invalidData.replace("\"title\":\"t\"", "\"title\":\"" + "x".repeat(201) + "\"")),
                    "invalid-event");
            reasons.put(
                    sendWithOwnId(
                            producer,
                            timeline,
                            invalidData.replace(
                                    "\"occurredAt\":\"2026-02-26T18:00:00Z\"", "\"occurredAt\":1772128800")),
                    "invalid-event");
            producer.flush();
        }

        String position = given().contentType(ContentType.JSON)
                .body(List.of(after))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        given().queryParam("waitFor", position)
                .get("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(200)
                .body("items.title", contains("before the garbage", "after the garbage"));

        Map<String, ConsumerRecord<String, byte[]>> dead = deadLetters(reasons.keySet());
        assertEquals(reasons.keySet(), dead.keySet(), "every garbage record is in the dead-letter topic");
        reasons.forEach((id, reason) -> {
            ConsumerRecord<String, byte[]> record = dead.get(id);
            assertEquals(reason, header(record, "annals_dlq_reason"), "reason of " + id);
            assertEquals("annals.events", header(record, "annals_dlq_topic"));
            assertTrue(header(record, "annals_dlq_detail").length() > 5);
            assertEquals(timeline, record.key());
        });
        assertTrue(deadLettered() >= deadBefore + reasons.size(), "GET /v1/projections counts them");
    }

    private static long deadLettered() {
        return given().get("/v1/projections")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].deadLettered");
    }

    private static Map<String, String> ceHeaders(String type, String timeline) {
        return Map.of(
                "ce_specversion",
                "1.0",
                "ce_source",
                "/elsewhere",
                "ce_type",
                "dev.annals." + type,
                "ce_subject",
                timeline);
    }

    /** Sends with a fresh ce_id (or, without ce headers, a marker header) and returns it. */
    private static String send(
            KafkaProducer<String, byte[]> producer, String key, String value, Map<String, String> headers) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>("annals.events", key, value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(headers.isEmpty() ? "marker" : "ce_id", id.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        return id;
    }

    private static String sendWithOwnId(KafkaProducer<String, byte[]> producer, String timeline, String template) {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(
                "annals.events", timeline, String.format(template, id).getBytes(StandardCharsets.UTF_8));
        ceHeaders("statement-issued", timeline)
                .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        record.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
        return id;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return TopicProbe.producer();
    }

    /** Dead letters carrying one of the ids (as ce_id or marker header), read from the start of the DLQ. */
    private static Map<String, ConsumerRecord<String, byte[]>> deadLetters(java.util.Set<String> ids) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DLQ, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(DLQ, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < ids.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String id = header(record, "ce_id") != null ? header(record, "ce_id") : header(record, "marker");
                    if (ids.contains(id)) {
                        found.put(id, record);
                    }
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
