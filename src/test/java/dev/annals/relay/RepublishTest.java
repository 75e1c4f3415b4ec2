package dev.annals.relay;

import static dev.annals.support.Api.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * POST /v1/admin/republish puts journal events on the topic again: same ce_id, attributes and payload, in
 * sequence order; bad ranges are problems and queue nothing. (The whole-journal form is exercised in
 * RelayFailoverIT, away from tests that count exact copies.)
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
class RepublishTest {
    @Inject
    AgroalDataSource dataSource;

    private static final List<String> SAME_HEADERS = List.of(
            "ce_specversion",
            "ce_id",
            "ce_source",
            "ce_type",
            "ce_time",
            "ce_subject",
            "ce_sequence",
            "ce_sequencetype",
            "content-type");

    private static List<String> append(String timeline, List<Map<String, Object>> events) {
        given().contentType(ContentType.JSON)
                .body(events)
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        return events.stream().map(e -> (String) e.get("id")).toList();
    }

    @Test
    void aRepublishedRangeIsOnTheTopicAgainWithTheSameIdsHeadersAndPayloadsInOrder() {
        String timeline = Fixtures.timeline("republish");
        List<String> ids = append(timeline, Fixtures.statements("republish", 5));
        List<ConsumerRecord<String, String>> first =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 5);

        given().contentType(ContentType.JSON)
                .body(Map.of("timelineId", timeline, "fromSequence", 2, "toSequence", 4))
                .post("/v1/admin/republish")
                .then()
                .statusCode(202)
                .body("events", equalTo(3))
                .body("outboxRows", equalTo(1));
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 8);
        assertEquals(8, records.size());
        for (int i = 0; i < 3; i++) {
            ConsumerRecord<String, String> original = first.get(i + 1);
            ConsumerRecord<String, String> again = records.get(5 + i);
            assertEquals(ids.get(i + 1), TopicProbe.header(again, "ce_id"));
            for (String header : SAME_HEADERS) {
                assertEquals(TopicProbe.header(original, header), TopicProbe.header(again, header), header);
            }
            assertEquals(original.key(), again.key());
            assertEquals(original.value(), again.value());
            assertEquals(original.partition(), again.partition());
        }

        given().contentType(ContentType.JSON)
                .body(Map.of("timelineId", timeline))
                .post("/v1/admin/republish")
                .then()
                .statusCode(202)
                .body("events", equalTo(5));
        records = TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 13);
        assertEquals(
                ids,
                records.subList(8, 13).stream()
                        .map(r -> TopicProbe.header(r, "ce_id"))
                        .toList(),
                "the whole timeline again, in order");
    }

    @Test
    void aLargeRangeIsQueuedInRowsThatEachFitARound() {
        String timeline = Fixtures.timeline("republish-large");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            events.add(large("large " + i));
        }
        // in appends of 40 (~1.2 MB each, under annals.http.max-body-bytes): the republish queues by bytes, not appends
        List<String> ids = new ArrayList<>();
        for (int from = 0; from < events.size(); from += 40) {
            ids.addAll(append(timeline, events.subList(from, from + 40)));
        }
        TopicProbe.records(timeline, Duration.ofSeconds(30), r -> r.size() >= 320);
        long bytes = journalBytes(timeline);
        assertTrue(bytes > 8L << 20 && bytes < 16L << 20, "between one and two rounds' 8 MiB: " + bytes);
        given().contentType(ContentType.JSON)
                .body(Map.of("timelineId", timeline))
                .post("/v1/admin/republish")
                .then()
                .statusCode(202)
                .body("events", equalTo(320))
                .body("outboxRows", equalTo(2));
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(60), r -> r.size() >= 640);
        assertEquals(
                ids,
                records.subList(320, 640).stream()
                        .map(r -> TopicProbe.header(r, "ce_id"))
                        .toList());
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        String timeline = Fixtures.timeline("republish-bad");
        append(timeline, Fixtures.statements("bad", 3));
        problem(Map.of("timelineId", "no-such-timeline-" + timeline), 404, null, null);
        problem(Map.of("timelineId", timeline, "fromSequence", 3, "toSequence", 2), 400, "/fromSequence", "range");
        problem(Map.of("timelineId", timeline, "toSequence", 4), 400, "/toSequence", "range");
        problem(Map.of("timelineId", timeline, "fromSequence", 4), 400, "/fromSequence", "range");
        problem(Map.of("timelineId", timeline, "fromSequence", 0), 400, "/fromSequence", "minimum");
        problem(Map.of("fromSequence", 1), 400, "/timelineId", "required");
        given().contentType(ContentType.JSON)
                .body("{\"timelineId\": ")
                .post("/v1/admin/republish")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        List<ConsumerRecord<String, String>> records =
                TopicProbe.records(timeline, Duration.ofSeconds(20), r -> r.size() >= 3);
        records.addAll(TopicProbe.recordsWithin(timeline, Duration.ofSeconds(1)).stream()
                .skip(3)
                .toList());
        assertEquals(3, records.size(), "nothing was queued by the bad requests");
    }

    private static void problem(Map<String, Object> body, int status, String field, String rule) {
        var response = given().contentType(ContentType.JSON)
                .body(body)
                .post("/v1/admin/republish")
                .then()
                .statusCode(status)
                .contentType("application/problem+json");
        if (field != null) {
            response.body("errors.pointer", hasItem(field)).body("errors.rule", hasItem(rule));
        }
    }

    private long journalBytes(String timeline) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select sum(octet_length(payload)) from journal where timeline_id = ?")) {
            select.setString(1, timeline);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid event of about 30 KiB: a long summary and a hundred actors with long names. */
    private static Map<String, Object> large(String title) {
        Map<String, Object> event = Fixtures.statement(title);
        event.put("summary", "s".repeat(5000));
        List<Map<String, Object>> actors = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            actors.add(Map.of("id", "actor-" + i, "name", "n".repeat(190) + i));
        }
        event.put("actors", actors);
        return event;
    }
}
