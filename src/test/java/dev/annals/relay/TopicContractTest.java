package dev.annals.relay;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What a topic subscriber sees: CloudEvents binary-mode records, keyed by timeline, in sequence order. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class TopicContractTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyAppendedEventIsOnTheTopicOnceInOrderWithCloudEventHeaders() throws Exception {
        String timeline = Fixtures.timeline("topic");
        List<Map<String, Object>> first = Fixtures.statements("first", 3);
        List<Map<String, Object>> second = Fixtures.statements("second", 2);
        given().contentType(ContentType.JSON)
                .body(first)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(second)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);

        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 5);
        // read a little longer: a sixth record would be a duplicate
        records.addAll(TopicProbe.recordsWithin(timeline, Duration.ofMillis(300)).stream()
                .skip(5)
                .toList());
        assertEquals(5, records.size());
        assertEquals(
                1, records.stream().map(ConsumerRecord::partition).distinct().count(), "one timeline, one partition");

        List<Map<String, Object>> appended = new java.util.ArrayList<>(first);
        appended.addAll(second);
        for (int i = 0; i < 5; i++) {
            ConsumerRecord<String, String> record = records.get(i);
            Map<String, Object> sent = appended.get(i);
            JsonNode value = mapper.readTree(record.value());
            assertEquals(timeline, record.key());
            assertEquals("1.0", TopicProbe.header(record, "ce_specversion"));
            assertEquals(sent.get("id"), TopicProbe.header(record, "ce_id"));
            assertEquals("/annals", TopicProbe.header(record, "ce_source"));
            assertEquals("dev.annals.statement-issued", TopicProbe.header(record, "ce_type"));
            assertEquals(timeline, TopicProbe.header(record, "ce_subject"));
            assertEquals(Integer.toString(i + 1), TopicProbe.header(record, "ce_sequence"));
            assertEquals("application/json", TopicProbe.header(record, "content-type"));
            assertEquals(
                    OffsetDateTime.parse((String) sent.get("occurredAt")).toInstant(),
                    OffsetDateTime.parse(TopicProbe.header(record, "ce_time")).toInstant());
            assertEquals(sent.get("id"), value.get("id").asText());
            assertEquals(i + 1, value.get("sequence").asLong());
            assertEquals(timeline, value.get("timelineId").asText());
            assertEquals(sent.get("title"), value.get("title").asText());
            assertEquals(
                    "threats do not change our position",
                    value.at("/data/quote").asText());
            assertNotNull(value.get("recordedAt"));
        }
    }

    @Test
    void theCallersRequestIdAndTraceContextTravelWithTheRecords() {
        String timeline = Fixtures.timeline("traced");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().contentType(ContentType.JSON)
                .header("X-Request-Id", "req-42")
                .header("traceparent", traceparent)
                .body(Fixtures.statements("traced", 2))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .header("X-Request-Id", "req-42");
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 2);
        assertEquals(2, records.size());
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("req-42", TopicProbe.header(record, "annals_request_id"));
            assertEquals(traceparent, TopicProbe.header(record, "traceparent"));
            assertEquals(traceparent, TopicProbe.header(record, "ce_traceparent"));
        }
        String generated = given().contentType(ContentType.JSON)
                .header("traceparent", "not-a-trace")
                .body(Fixtures.statements("untraced", 1))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .header("X-Request-Id");
        ConsumerRecord<String, String> third = TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 3)
                .get(2);
        assertEquals(generated, TopicProbe.header(third, "annals_request_id"));
        assertEquals(null, TopicProbe.header(third, "traceparent"));
    }
}
