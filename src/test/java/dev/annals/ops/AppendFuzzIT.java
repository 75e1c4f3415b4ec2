package dev.annals.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.testing.AnnalsInfraResource;
import dev.annals.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Fuzzes append bodies against the packaged app (jqwik properties are not run by the Quarkus JUnit extension, so the
 * app runs as its own process, as for every IT): every answer is either 201 with each event read back from the
 * journal exactly as sent, or a 4xx problem+json with nothing stored, never a 5xx.
 */
class AppendFuzzIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    /** Fields compared as JSON, exactly, when they were sent. */
    private static final List<String> VERBATIM =
            List.of("type", "title", "summary", "actors", "sources", "tags", "data");

    private static PackagedApp app;

    @BeforeContainer
    static void start() throws Exception {
        app = PackagedApp.start("append-fuzz");
    }

    @AfterContainer
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 200)
    @StatisticsReport(onFailureOnly = false)
    void anAppendIsStoredExactlyOrRefusedWithNothingStored(@ForAll("bodies") String body) throws Exception {
        String timeline = Fixtures.timeline("fuzz");
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/v1/timelines/" + timeline + "/events"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .header("Authorization", "Bearer " + TestTokens.all())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        Statistics.label("answer").collect(status == 201 ? "201" : status >= 400 && status < 500 ? "4xx" : "other");
        assertTrue(status == 201 || status >= 400 && status < 500, status + " " + response.body());
        // both outcomes must be exercised, or the property proves little
        Statistics.label("answer").coverage(checker -> {
            checker.check("201").percentage(p -> p >= 10);
            checker.check("4xx").percentage(p -> p >= 10);
        });
        if (status == 201) {
            assertStoredExactly(timeline, JSON.readTree(body));
        } else {
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
            assertEquals(0, journalRows(timeline), "nothing stored after " + status + " " + response.body());
        }
    }

    private static void assertStoredExactly(String timeline, JsonNode sent) throws Exception {
        JsonNode page = JSON.readTree(app.get("/v1/timelines/" + timeline + "/stream?fromSequence=1&limit=500")
                .body());
        JsonNode stored = page.path("events");
        assertEquals(sent.size(), stored.size(), page.toString());
        for (int i = 0; i < sent.size(); i++) {
            JsonNode in = sent.get(i);
            JsonNode out = stored.get(i);
            for (String field : VERBATIM) {
                if (in.has(field)) {
                    assertEquals(in.get(field), out.get(field), field + " of event " + i);
                }
            }
            if (in.has("id")) {
                assertEquals(in.get("id").asText(), out.path("id").asText());
            }
            assertEquals(
                    in.path("occurredAtPrecision").asText("second"),
                    out.path("occurredAtPrecision").asText());
            OffsetDateTime sentAt = OffsetDateTime.parse(in.get("occurredAt").asText());
            assertEquals(sentAt, OffsetDateTime.parse(out.path("occurredAt").asText()), "occurredAt, offset kept");
        }
    }

    private static long journalRows(String timeline) throws Exception {
        try (Connection connection = AnnalsInfraResource.connect();
                PreparedStatement statement =
                        connection.prepareStatement("select count(*) from journal where timeline_id = ?")) {
            statement.setString(1, timeline);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> valid =
                FuzzEvents.events().list().ofMinSize(1).ofMaxSize(3).map(AppendFuzzIT::json);
        // some bodies are cut or have a byte replaced: malformed JSON must be a 4xx too
        Arbitrary<String> damaged = Combinators.combine(
                        valid, Arbitraries.integers().between(0, 10_000))
                .as((text, at) -> text.substring(0, at % text.length()) + (at % 3 == 0 ? "\u0000\"" : ""));
        return Arbitraries.frequencyOf(Tuple.of(8, valid), Tuple.of(2, damaged));
    }

    private static String json(List<Map<String, Object>> events) {
        return Fixtures.json(events);
    }
}
