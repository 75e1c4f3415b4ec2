package dev.annals.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Fuzzes append bodies (QuickTheories: generated, shrunk to a minimal body on failure, the seed printed) against the
 * packaged app: every answer is either 201 with each event read back from the journal exactly as sent, or a 4xx
 * problem+json with nothing stored, never a 5xx.
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

    private static final int TRIES = 200;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start("append-fuzz");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAppendIsStoredExactlyOrRefusedWithNothingStored() {
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        qt().withExamples(TRIES).withShrinkCycles(50).forAll(bodies()).checkAssert(body -> {
            try {
                answers.computeIfAbsent(appendAndCheck(body), k -> new LongAdder())
                        .increment();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        // both outcomes must be exercised, or the property proves little
        long total = answers.values().stream().mapToLong(LongAdder::sum).sum();
        System.out.println("AppendFuzzIT answers over " + total + " bodies: " + answers);
        for (String outcome : List.of("201", "4xx")) {
            long seen = answers.getOrDefault(outcome, new LongAdder()).sum();
            assertTrue(seen * 10 >= total, outcome + " in at least 10 % of " + total + " bodies: " + answers);
        }
    }

    /** Appends the body and checks the answer; returns "201" or "4xx". */
    private static String appendAndCheck(String body) throws Exception {
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
        assertTrue(status == 201 || status >= 400 && status < 500, status + " " + response.body());
        if (status == 201) {
            assertStoredExactly(timeline, JSON.readTree(body));
            return "201";
        } else {
            assertEquals(
                    "application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
            assertEquals(
                    0,
                    AnnalsInfraResource.journalRows(timeline),
                    "nothing stored after " + status + " " + response.body());
            return "4xx";
        }
    }

    private static void assertStoredExactly(String timeline, JsonNode sent) throws Exception {
        JsonNode page = JSON.readTree(app.get("/v1/timelines/" + timeline + "/stream?fromSequence=1&limit=500")
                .body());
        JsonNode stored = page.path("items");
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

    static Gen<String> bodies() {
        Gen<String> valid = lists().of(FuzzEvents.events()).ofSizeBetween(1, 3).map(AppendFuzzIT::json);
        // some bodies are cut or have a byte replaced: malformed JSON must be a 4xx too
        Gen<String> damaged = valid.zip(
                Generate.range(0, 10_000),
                (text, at) -> text.substring(0, at % text.length()) + (at % 3 == 0 ? "\u0000\"" : ""));
        return Generate.frequency(Pair.of(8, valid), Pair.of(2, damaged));
    }

    private static String json(List<Map<String, Object>> events) {
        return Fixtures.json(events);
    }
}
