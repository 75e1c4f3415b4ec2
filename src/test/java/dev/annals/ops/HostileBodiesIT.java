package dev.annals.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.support.Fixtures;
import dev.annals.support.PackagedApp;
import dev.annals.testing.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * With a 256 MiB heap and annals.http.max-body-bytes raised to 16 MiB, hostile append bodies of up to 16 MiB sent at once (many empty events, deep nesting, huge
 * strings and numbers, many large events) are refused with problem+json or answered 503, the app never runs out of
 * memory (it would exit), and a normal append then succeeds.
 */
class HostileBodiesIT {
    private static final int BODY = 16 * 1024 * 1024 - 4096;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A body of exactly BODY bytes: prefix, then the unit repeated, then suffix. */
    private static byte[] body(String prefix, String unit, String suffix) {
        StringBuilder text = new StringBuilder(BODY).append(prefix);
        int repeat = (BODY - prefix.length() - suffix.length()) / unit.length();
        text.append(unit.repeat(repeat)).append(suffix);
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 1000 events of about 16 KiB each: valid JSON within every parser limit, so the whole body is built. */
    private static byte[] largeEvents() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Map<String, Object> event : Fixtures.statements("large", 1000)) {
            Map<String, Object> large = new LinkedHashMap<>(event);
            large.put("data", Map.of("speaker", "dario-amodei", "quote", "q".repeat(16_000)));
            events.add(large);
        }
        return Fixtures.json(events).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Two events of ~750 KB of {@code {}} each, inside every parser limit: ~500,000 tiny nodes whose trees take ~30
     * times their text, so only a budget that counts tokens keeps a few of them at once from filling the heap.
     */
    private static byte[] tinyNodes() {
        String event = "{\"type\":\"statement-issued\",\"data\":{\"x\":[" + "{},".repeat(250_000) + "{}]}}";
        return ("[" + event + "," + event + "]").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void concurrentHostileBodiesLeaveTheAppUp() throws Exception {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty events", body("[", "{},", "{}]"));
        bodies.put("deep nesting", body("[", "[", ""));
        bodies.put("huge string", body("[{\"title\": \"", "x", "\"}]"));
        bodies.put("huge number", body("[{\"data\": {\"n\": ", "9", "}}]"));
        bodies.put("large events", largeEvents());
        bodies.put("tiny nodes", tinyNodes());
        Map<String, Set<Integer>> expected = Map.of(
                // any body may also meet a budget another one filled: 503 with Retry-After, nothing stored
                "empty events", Set.of(413, 503),
                "deep nesting", Set.of(400, 503),
                "huge string", Set.of(413, 503),
                "huge number", Set.of(413, 503),
                "large events", Set.of(422, 503),
                "tiny nodes", Set.of(413, 503));
        try (PackagedApp app = PackagedApp.start(
                "hostile-bodies",
                List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"),
                // bodies up to the HTTP server's backstop, so that the parser's limits and budget are tried
                Map.of("ANNALS_HTTP_MAX_BODY_BYTES", Integer.toString(16 * 1024 * 1024)))) {
            int copies = 4;
            ExecutorService clients = Executors.newFixedThreadPool(copies * bodies.size());
            CountDownLatch start = new CountDownLatch(1);
            Map<String, List<Future<HttpResponse<String>>>> answers = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                for (int i = 0; i < copies; i++) {
                    String timeline = Fixtures.timeline("hostile");
                    answers.computeIfAbsent(body.getKey(), k -> new ArrayList<>())
                            .add(clients.submit(() -> {
                                start.await();
                                return post(app, timeline, body.getValue());
                            }));
                }
            }
            start.countDown();
            for (Map.Entry<String, List<Future<HttpResponse<String>>>> kind : answers.entrySet()) {
                for (Future<HttpResponse<String>> answer : kind.getValue()) {
                    HttpResponse<String> response = answer.get();
                    assertTrue(
                            expected.get(kind.getKey()).contains(response.statusCode()),
                            kind.getKey() + ": " + response.statusCode() + " " + abbreviated(response.body()));
                    if (response.statusCode() != 201) {
                        assertEquals(
                                "application/problem+json",
                                response.headers().firstValue("Content-Type").orElse(""),
                                kind.getKey());
                    }
                    if (response.statusCode() == 503) {
                        assertTrue(response.headers().firstValue("Retry-After").isPresent());
                    }
                }
            }
            clients.shutdown();
            assertTrue(app.process().isAlive(), "the app is up; see target/hostile-bodies.log");

            HttpResponse<String> normal = app.post(
                    "/v1/timelines/" + Fixtures.timeline("after-hostile") + "/events",
                    Fixtures.json(Fixtures.statements("normal", 2)));
            assertEquals(201, normal.statusCode(), normal.body());
            // every lease came back: a body needing a good part of the budget is parsed whole alone (its quotes are
            // longer than the type's schema allows, so it ends in 422 after parsing, not in 503 at the budget)
            HttpResponse<String> large =
                    post(app, Fixtures.timeline("after-hostile-large"), bodies.get("large events"));
            assertEquals(422, large.statusCode(), abbreviated(large.body()));
            assertEquals(200, app.management("/q/health/live").statusCode());
        }
    }

    private static HttpResponse<String> post(PackagedApp app, String timeline, byte[] body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(app.baseUrl() + "/v1/timelines/" + timeline + "/events"))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.all())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
