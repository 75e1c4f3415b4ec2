package dev.annals.ops;

import static dev.annals.ops.HostileHttp.api;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.TopicProbe;
import dev.annals.testing.AnnalsInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input matrix: every row is sent to the running app and must get its status and problem+json (type,
 * title, status, no stack trace or class name), or a plain 200 for meta-characters a filter takes as text, while
 * the journal gains no row and, once the outbox is drained, the topic holds no record of any row's timeline.
 * Unusual but valid text (right-to-left marks, emoji) is accepted and read back exactly.
 */
@QuarkusTest
@WithTestResource(value = AnnalsInfraResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputMatrixTest {
    /** The timelines the hostile rows were sent to: none may ever reach the topic. */
    private static final Set<String> HOSTILE = ConcurrentHashMap.newKeySet();

    private static Map<TopicPartition, Long> startOffsets;

    static Stream<HostileCase> matrix() {
        List<HostileCase> cases = new ArrayList<>(HostileAppendCases.cases());
        cases.addAll(HostileQueryCases.cases());
        cases.addAll(HostileTokenCases.cases());
        cases.addAll(HostileRegistryCases.cases());
        cases.addAll(HostileChangeCases.cases());
        return cases.stream();
    }

    @BeforeAll
    static void rememberTheTopicsEnd() {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            startOffsets = consumer.endOffsets(partitions(consumer));
        }
    }

    @Test
    @Order(0)
    void theMatrixHasAtLeastFiftyRows() {
        assertTrue(matrix().count() >= 50, "rows: " + matrix().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    @Order(1)
    void hostileInputIsRefusedAndNothingIsStored(HostileCase row) throws SQLException {
        String timeline = Fixtures.timeline("hostile");
        HOSTILE.add(timeline);
        HostileQueryCases.prepare();
        HostileChangeCases.prepare();
        long journalBefore = count("select count(*) from journal", null);
        HostileHttp.Answer answer = row.send().apply(timeline);
        if (row.slug() == null) {
            HostileHttp.assertOk(row.name(), answer, row.status());
        } else {
            HostileHttp.assertProblem(row.name(), answer, row.status(), row.slug(), row.rule());
        }
        assertTrue(answer.status() < 500, row.name());
        assertEquals(journalBefore, count("select count(*) from journal", null), row.name() + ": journal rows");
        assertEquals(0, count("select count(*) from timeline where timeline_id = ?", timeline), row.name());
    }

    /** Valid text that looks odd: stored and read back exactly, from the journal and from the read model. */
    static Stream<String> unusualText() {
        return Stream.of(
                "\u202Eright-to-left override\u202C and \u200Fmark\u200E",
                "عربي مع עברית",
                "emoji \uD83D\uDE80 \uD83D\uDC69\u200D\uD83D\uDCBB \uD83C\uDDFA\uD83C\uDDE6",
                "combining e\u0301 and ﬁ ligature",
                "'; drop table journal;-- &|!:*() <script>",
                "tab\tand\nnew line");
    }

    @ParameterizedTest
    @MethodSource("unusualText")
    @Order(2)
    void unusualTextIsAcceptedAndReturnedExactly(String text) {
        String timeline = Fixtures.timeline("unusual");
        Map<String, Object> event = new HashMap<>(Fixtures.statement(text));
        event.put("summary", text);
        event.put("actors", List.of(Map.of("id", "someone", "name", text, "role", text)));
        event.put("sources", List.of(Map.of("publisher", text, "reliability", "reported")));
        event.put("data", Map.of("speaker", "someone", "quote", text));
        String position = api().contentType("application/json; charset=UTF-8")
                .body(Fixtures.json(List.of(event)).getBytes(StandardCharsets.UTF_8))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201)
                .extract()
                .path("position");
        JsonPath journal = api().get("/v1/timelines/{t}/stream/1", timeline)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath projected = api().queryParam("waitFor", position)
                .get("/v1/events/{id}", event.get("id"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (JsonPath read : List.of(journal, projected)) {
            assertEquals(text, read.getString("title"));
            assertEquals(text, read.getString("summary"));
            assertEquals(text, read.getString("actors[0].name"));
            assertEquals(text, read.getString("actors[0].role"));
            assertEquals(text, read.getString("sources[0].publisher"));
            assertEquals(text, read.getString("data.quote"));
        }
    }

    @Test
    @Order(3)
    void noHostileTimelineReachedTheTopic() {
        assertFalse(HOSTILE.isEmpty());
        // once the outbox is empty, whatever was stored has been published: the topic is then complete
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbox", null) == 0);
        List<String> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, startOffsets.getOrDefault(p, 0L)));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    published.add(record.key());
                }
            }
        }
        assertTrue(published.stream().noneMatch(HOSTILE::contains), "published: " + published);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AnnalsInfraResource.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "matrix-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        return consumer.partitionsFor(TopicProbe.TOPIC, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection connection = AnnalsInfraResource.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
