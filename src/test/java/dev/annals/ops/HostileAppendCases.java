package dev.annals.ops;

import static dev.annals.ops.HostileCase.of;
import static dev.annals.ops.HostileHttp.answer;
import static dev.annals.ops.HostileHttp.api;
import static dev.annals.ops.HostileHttp.chunked;
import static dev.annals.ops.HostileHttp.jdk;
import static dev.annals.ops.HostileHttp.jdkRequest;
import static dev.annals.ops.HostileHttp.raw;
import static dev.annals.ops.HostileHttp.rawPath;

import dev.annals.support.Fixtures;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;

/** Hostile appends: bodies, content types, ids, headers, and sizes past every limit. */
final class HostileAppendCases {
    private static final String INVALID = "invalid-request";
    private static final String APPEND = "/v1/timelines/{t}/events";

    private HostileAppendCases() {}

    static HostileHttp.Answer post(String timeline, String contentType, String body) {
        return answer(api().contentType(contentType).body(body).post(APPEND, timeline));
    }

    static HostileHttp.Answer post(String timeline, String body) {
        return post(timeline, "application/json", body);
    }

    /** A batch of a valid event and one changed by {@code change}. */
    static String changed(Consumer<Map<String, Object>> change) {
        Map<String, Object> event = new LinkedHashMap<>(Fixtures.statement("hostile"));
        change.accept(event);
        return Fixtures.json(List.of(Fixtures.statement("fine"), event));
    }

    private static HostileCase invalid(String name, String rule, Consumer<Map<String, Object>> change) {
        return of(name, 400, INVALID, t -> post(t, changed(change))).rule(rule);
    }

    private static HostileHttp.Answer withHeader(String timeline, String header, String value) {
        return answer(api().contentType("application/json")
                .header(header, value)
                .body(Fixtures.json(Fixtures.statements("header", 1)))
                .post(APPEND, timeline));
    }

    private static long maxBodyBytes() {
        return ConfigProvider.getConfig().getValue("annals.http.max-body-bytes", Long.class);
    }

    /** A valid-looking batch a little over the body limit (a long summary per event stays under each rule). */
    private static byte[] oversizeBody() {
        StringBuilder body = new StringBuilder("[");
        String event = Fixtures.json(Fixtures.statement("big")).replace("A statement for a test.", "s".repeat(4000));
        while (body.length() <= maxBodyBytes()) {
            body.append(body.length() > 1 ? "," : "").append(event);
        }
        return body.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<HostileCase> cases() {
        String valid = Fixtures.json(Fixtures.statements("valid", 1));
        List<HostileCase> cases = new ArrayList<>(List.of(
                of("append: malformed JSON", 400, INVALID, t -> post(t, "[{\"type\": ")),
                of("append: truncated event", 400, INVALID, t -> post(t, valid.substring(0, valid.length() / 2))),
                of("append: garbage after the array", 400, INVALID, t -> post(t, valid + " {}")),
                of("append: not JSON", 400, INVALID, t -> post(t, "hello")),
                of("append: empty body", 400, INVALID, t -> post(t, "")),
                of(
                                "append: an object, not an array",
                                400,
                                INVALID,
                                t -> post(t, Fixtures.json(Fixtures.statement("x"))))
                        .rule("type"),
                of("append: array of strings", 400, INVALID, t -> post(t, "[\"event\"]")),
                of("append: empty batch", 400, INVALID, t -> post(t, "[]")).rule("minItems"),
                of("append: text/plain", 415, "unsupported-media-type", t -> post(t, "text/plain", valid)),
                of("append: application/xml", 415, "unsupported-media-type", t -> post(t, "application/xml", valid)),
                of(
                        "append: form data",
                        415,
                        "unsupported-media-type",
                        t -> jdk(jdkRequest("/v1/timelines/" + t + "/events")
                                .header("Content-Type", "multipart/form-data; boundary=x")
                                .POST(HttpRequest.BodyPublishers.ofString("--x\r\n\r\n" + valid + "\r\n--x--")))),
                invalid("append: title a number", "type", e -> e.put("title", 42)),
                invalid("append: actors an object", "type", e -> e.put("actors", Map.of("id", "x"))),
                invalid("append: a tag a number", "type", e -> e.put("tags", List.of(7))),
                invalid("append: occurredAt a number", "type", e -> e.put("occurredAt", 1_700_000_000)),
                invalid("append: title too long", "maxLength", e -> e.put("title", "x".repeat(201))),
                invalid("append: summary too long", "maxLength", e -> e.put("summary", "x".repeat(5001))),
                of(
                                "append: 300 KB string",
                                413,
                                "event-too-large",
                                t -> post(
                                        t,
                                        changed(e ->
                                                e.put("data", Map.of("speaker", "x", "quote", "q".repeat(300_000))))))
                        .rule("maxBytes"),
                of(
                                "append: 500-digit number",
                                400,
                                INVALID,
                                t -> post(
                                        t,
                                        changed(e -> e.put("data", "@N@"))
                                                .replace("\"@N@\"", "{\"n\": " + "9".repeat(500) + "}")))
                        .rule("maxNumberLength"),
                of(
                                "append: nesting 100 deep",
                                400,
                                INVALID,
                                t -> post(
                                        t,
                                        changed(e -> e.put("data", "@D@"))
                                                .replace("\"@D@\"", "[".repeat(100) + "]".repeat(100))))
                        .rule("maxDepth"),
                of(
                                "append: duplicate key",
                                400,
                                INVALID,
                                t -> post(t, valid.replaceFirst("\"title\":", "\"title\":\"a\",\"title\":")))
                        .rule("duplicateKey"),
                invalid("append: unknown field", "additionalProperties", e -> e.put("colour", "red")),
                invalid(
                        "append: unknown actor field",
                        "additionalProperties",
                        e -> e.put("actors", List.of(Map.of("id", "a", "name", "A", "admin", true)))),
                invalid("append: id not a UUID", "format", e -> e.put("id", "not-a-uuid")),
                invalid("append: id with SQL", "format", e -> e.put("id", "'; delete from journal;--")),
                invalid("append: occurredAt without offset", "format", e -> e.put("occurredAt", "2026-02-26T18:00:00")),
                invalid("append: occurredAt in year 0", "dateRange", e -> e.put("occurredAt", "0000-06-01T00:00:00Z")),
                invalid("append: occurredAt past 9999", "format", e -> e.put("occurredAt", "+10000-01-01T00:00:00Z")),
                invalid("append: occurredAt month 13", "format", e -> e.put("occurredAt", "2026-13-01T00:00:00Z")),
                invalid("append: precision week", "enum", e -> e.put("occurredAtPrecision", "week")),
                invalid("append: precision a number", "enum", e -> e.put("occurredAtPrecision", 3)),
                invalid("append: NUL in title", "noNulCharacter", e -> e.put("title", "a\u0000b")),
                invalid("append: escape sequence in title", "noControlCharacters", e -> e.put("title", "a\u001b[31mb")),
                invalid(
                        "append: bell in actor name",
                        "noControlCharacters",
                        e -> e.put("actors", List.of(Map.of("id", "a", "name", "A\u0007")))),
                invalid(
                        "append: javascript: url",
                        "pattern",
                        e -> e.put(
                                "sources",
                                List.of(Map.of(
                                        "publisher", "X", "url", "javascript:alert(1)", "reliability", "reported")))),
                invalid(
                        "append: JaVaScRiPt: url",
                        "pattern",
                        e -> e.put(
                                "sources",
                                List.of(Map.of(
                                        "publisher", "X", "url", "JaVaScRiPt:alert(1)", "reliability", "reported")))),
                invalid(
                        "append: data: url",
                        "pattern",
                        e -> e.put(
                                "sources",
                                List.of(Map.of(
                                        "publisher",
                                        "X",
                                        "url",
                                        "data:text/html,<script>alert(1)</script>",
                                        "reliability",
                                        "reported")))),
                invalid(
                        "append: url too long",
                        "maxLength",
                        e -> e.put(
                                "sources",
                                List.of(Map.of(
                                        "publisher",
                                        "X",
                                        "url",
                                        "https://x.org/" + "p".repeat(2000),
                                        "reliability",
                                        "reported")))),
                invalid(
                        "append: 101 actors",
                        "maxItems",
                        e -> e.put(
                                "actors",
                                IntStream.range(0, 101)
                                        .mapToObj(i -> Map.of("id", "a-" + i, "name", "A" + i))
                                        .toList())),
                invalid(
                        "append: 51 tags",
                        "maxItems",
                        e -> e.put(
                                "tags",
                                IntStream.range(0, 51).mapToObj(i -> "t-" + i).toList())),
                invalid("append: tag with SQL", "pattern", e -> e.put("tags", List.of("x'; drop table journal;--"))),
                invalid("append: type with SQL", "pattern", e -> e.put("type", "x' or '1'='1")),
                of(
                                "append: unknown type",
                                422,
                                "invalid-event",
                                t -> post(t, changed(e -> e.put("type", "coup-attempted"))))
                        .rule("knownType"),
                of("append: one id twice", 422, "invalid-event", t -> {
                            Map<String, Object> event = Fixtures.statement("twice");
                            return post(t, Fixtures.json(List.of(event, event)));
                        })
                        .rule("uniqueItems"),
                of(
                                "append: 1001 events",
                                413,
                                "batch-too-large",
                                t -> post(t, Fixtures.json(Fixtures.statements("many", 1001))))
                        .rule("maxItems"),
                of(
                                "append: body over the limit (Content-Length)",
                                413,
                                "body-too-large",
                                t -> jdk(jdkRequest("/v1/timelines/" + t + "/events")
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(oversizeBody()))))
                        .rule("maxBodyBytes"),
                of(
                                "append: body over the limit (chunked)",
                                413,
                                "body-too-large",
                                t -> jdk(jdkRequest("/v1/timelines/" + t + "/events")
                                        .header("Content-Type", "application/json")
                                        .POST(chunked(oversizeBody()))))
                        .rule("maxBodyBytes"),
                of(
                                "append: timeline ..%2F..%2Fetc",
                                400,
                                INVALID,
                                t -> answer(rawPath()
                                        .contentType("application/json")
                                        .body(valid)
                                        .post("/v1/timelines/..%2F..%2Fetc/events")))
                        .rule("pattern"),
                of(
                                "append: timeline with an encoded slash",
                                400,
                                INVALID,
                                t -> answer(rawPath()
                                        .contentType("application/json")
                                        .body(valid)
                                        .post("/v1/timelines/" + t + "%2Fx/events")))
                        .rule("pattern"),
                of(
                        "append: timeline %2e%2e (normalised to /v1/events)",
                        405,
                        "method-not-allowed",
                        t -> answer(rawPath()
                                .contentType("application/json")
                                .body(valid)
                                .post("/v1/timelines/%2e%2e/events"))),
                of("append: timeline id 129 characters", 400, INVALID, t -> post("a".repeat(129), valid)),
                of("append: If-Match negative", 400, INVALID, t -> withHeader(t, "If-Match", "\"-1\"")),
                of(
                        "append: If-Match overflowing",
                        400,
                        INVALID,
                        t -> withHeader(t, "If-Match", "\"99999999999999999999\"")),
                of("append: If-Match not an entity tag", 400, INVALID, t -> withHeader(t, "If-Match", "1; drop")),
                of(
                                "append: Idempotency-Key 256 characters",
                                400,
                                INVALID,
                                t -> withHeader(t, "Idempotency-Key", "k".repeat(256)))
                        .rule("maxLength"),
                of("append: Idempotency-Key with a space", 400, INVALID, t -> withHeader(t, "Idempotency-Key", "a b"))
                        .rule("pattern"),
                of(
                        "append: Idempotency-Key folded over CRLF",
                        400,
                        INVALID,
                        t -> raw(
                                "POST /v1/timelines/" + t + "/events HTTP/1.1\r\nContent-Type: application/json\r\n"
                                        + "Idempotency-Key: abc\r\n def",
                                valid)),
                of(
                        "append: If-Match folded over CRLF",
                        400,
                        INVALID,
                        t -> raw(
                                "POST /v1/timelines/" + t + "/events HTTP/1.1\r\nContent-Type: application/json\r\n"
                                        + "If-Match: \"1\"\r\n \"2\"",
                                valid))));
        return cases;
    }
}
