package dev.annals.relay;

import static dev.annals.support.Api.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.support.Fixtures;
import dev.annals.testing.AnnalsInfraResource;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** A subscriber using the CloudEvents SDK decodes every record into a CloudEvent matching what was appended. */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class CloudEventsSdkTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyRecordIsAValidCloudEventMatchingTheAppend() throws Exception {
        String timeline = Fixtures.timeline("cloudevents");
        List<Map<String, Object>> appended = List.of(
                Fixtures.event(
                        "ultimatum-issued",
                        "Ultimatum",
                        "2026-02-18T00:00:00-05:00",
                        "day",
                        List.of("us-dod", "anthropic"),
                        List.of("ultimatum"),
                        "The Verge",
                        Map.of("issuedBy", "us-dod", "issuedTo", List.of("anthropic"), "demand", "Renegotiate")),
                Fixtures.event(
                        "red-line-stated",
                        "No mass surveillance",
                        "2026-02-26T18:00:00-05:00",
                        "hour",
                        List.of("anthropic"),
                        List.of("red-lines"),
                        "The Verge",
                        Map.of("party", "anthropic", "redLine", "No mass domestic surveillance")),
                Fixtures.statement("Threats do not change our position"));
        given().contentType(ContentType.JSON)
                .body(appended)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);

        List<CloudEvent> events = consume(timeline, appended.size());
        assertEquals(appended.size(), events.size());
        for (int i = 0; i < events.size(); i++) {
            CloudEvent event = events.get(i);
            Map<String, Object> sent = appended.get(i);
            assertEquals(SpecVersion.V1, event.getSpecVersion());
            assertEquals(sent.get("id"), event.getId());
            assertEquals("dev.annals." + sent.get("type"), event.getType());
            assertEquals(URI.create("/annals"), event.getSource());
            assertEquals(timeline, event.getSubject());
            assertEquals(
                    OffsetDateTime.parse((String) sent.get("occurredAt")).toInstant(),
                    event.getTime().toInstant());
            assertEquals("application/json", event.getDataContentType());
            assertEquals(Integer.toString(i + 1), event.getExtension("sequence"));
            assertNotNull(event.getData());
            JsonNode data = mapper.readTree(event.getData().toBytes());
            assertEquals(sent.get("id"), data.get("id").asText());
            assertEquals(sent.get("title"), data.get("title").asText());
            assertEquals(mapper.valueToTree(sent.get("data")), data.get("data"));
        }
    }

    private static List<CloudEvent> consume(String timeline, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        List<CloudEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, CloudEvent> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("annals.events", Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (events.size() < expected && System.nanoTime() < deadline) {
                try {
                    for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                        if (timeline.equals(record.key())) {
                            events.add(record.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    // anyone can write to a topic (other tests put garbage there): skip what is not a CloudEvent
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        }
        return events;
    }
}
