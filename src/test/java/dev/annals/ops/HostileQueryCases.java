package dev.annals.ops;

import static dev.annals.ops.HostileCase.of;
import static dev.annals.ops.HostileCase.ok;
import static dev.annals.ops.HostileHttp.answer;
import static dev.annals.ops.HostileHttp.api;
import static dev.annals.ops.HostileHttp.rawPath;

import dev.annals.support.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hostile reads and admin calls: meta-characters in every filter, bad ids, tampered cursors and positions. */
final class HostileQueryCases {
    private static final String INVALID = "invalid-request";
    private static final String NOT_FOUND = "not-found";
    /** SQL and tsquery meta-characters: a filter must take them as text. */
    static final List<String> META = List.of("'", "';--", "&|!:*()", "\\", "!!!&&||::**((<->");

    private static String cursor;
    private static String position;

    private HostileQueryCases() {}

    private static HostileHttp.Answer get(String path, Map<String, ?> query) {
        return answer(api().queryParams(query).get(path));
    }

    /** Appends what the cursor and position rows need; call before the matrix runs (it stores events). */
    static void prepare() {
        cursor();
    }

    /** A real next-page cursor of {@code /v1/timelines/{t}/events?limit=1}, and the append's position. */
    private static synchronized String cursor() {
        if (cursor == null) {
            String timeline = Fixtures.timeline("matrix-cursor");
            position = api().contentType("application/json")
                    .body(Fixtures.json(Fixtures.statements("page", 3)))
                    .post("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("position");
            cursor = api().queryParam("limit", 1)
                    .queryParam("waitFor", position)
                    .get("/v1/timelines/{t}/events", timeline)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("nextCursor");
        }
        return cursor;
    }

    /** The cursor with one character of its payload changed. */
    private static String tampered() {
        char[] chars = cursor().toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    static List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>();
        for (String filter : List.of("timeline", "type", "actor", "tag", "source", "q")) {
            for (String meta : META) {
                cases.add(ok("events: " + filter + "=" + meta, t -> get("/v1/events", Map.of(filter, meta))));
            }
        }
        for (String meta : META) {
            cases.add(ok("actors: q and actor=" + meta, t -> get("/v1/actors", Map.of("q", meta, "actor", meta))));
            cases.add(ok("timeline events: q=" + meta, t -> get("/v1/timelines/" + t + "/events", Map.of("q", meta))));
        }
        cases.addAll(List.of(
                of("events: q with NUL", 400, INVALID, t -> get("/v1/events", Map.of("q", "a\u0000b")))
                        .rule("noNulCharacter"),
                of("events: from with SQL", 400, INVALID, t -> get("/v1/events", Map.of("from", "';--")))
                        .rule("format"),
                of(
                                "events: from without offset",
                                400,
                                INVALID,
                                t -> get("/v1/events", Map.of("from", "2026-02-26T18:00:00")))
                        .rule("format"),
                of("events: to in year 0", 400, INVALID, t -> get("/v1/events", Map.of("to", "0000-01-01T00:00:00Z"))),
                of(
                        "events: to past 9999",
                        400,
                        INVALID,
                        t -> get("/v1/events", Map.of("to", "+10000-01-01T00:00:00Z"))),
                of(
                                "events: from after to",
                                400,
                                INVALID,
                                t -> get("/v1/events", Map.of("from", "2026-03-01", "to", "2026-02-01")))
                        .rule("beforeTo"),
                of(
                                "events: order with SQL",
                                400,
                                INVALID,
                                t -> get("/v1/events", Map.of("order", "asc; drop table journal")))
                        .rule("enum"),
                of("events: limit 0", 400, INVALID, t -> get("/v1/events", Map.of("limit", "0")))
                        .rule("range"),
                of("events: limit past the maximum", 400, INVALID, t -> get("/v1/events", Map.of("limit", "501")))
                        .rule("range"),
                of(
                                "events: limit overflowing",
                                400,
                                INVALID,
                                t -> get("/v1/events", Map.of("limit", "99999999999999999999")))
                        .rule("range"),
                of("events: tampered cursor", 400, INVALID, t -> get("/v1/events", Map.of("cursor", tampered())))
                        .rule("cursor"),
                of("events: cursor of another query", 400, INVALID, t -> get("/v1/events", Map.of("cursor", cursor())))
                        .rule("cursor"),
                of("events: cursor of junk", 400, INVALID, t -> get("/v1/events", Map.of("cursor", "';--.&|!")))
                        .rule("cursor"),
                of("events: waitFor junk", 400, INVALID, t -> get("/v1/events", Map.of("waitFor", "';--")))
                        .rule("position"),
                of("events: waitFor negative", 400, INVALID, t -> get("/v1/events", Map.of("waitFor", t + ":-1"))),
                of(
                        "events: waitFor overflowing",
                        400,
                        INVALID,
                        t -> get("/v1/events", Map.of("waitFor", t + ":99999999999999999999"))),
                of(
                                "events: waitFor never appended",
                                404,
                                NOT_FOUND,
                                t -> get("/v1/events", Map.of("waitFor", t + ":5")))
                        .rule("appended"),
                of(
                        "events: waitFor tampered position",
                        404,
                        NOT_FOUND,
                        t -> get("/v1/events", Map.of("waitFor", position() + "0000"))),
                of(
                                "events: query string too long",
                                414,
                                "uri-too-long",
                                t -> get("/v1/events", Map.of("q", "a".repeat(5000))))
                        .rule("maxQueryLength"),
                of("event: id not a UUID", 400, INVALID, t -> answer(api().get("/v1/events/{id}", "';--")))
                        .rule("format"),
                of(
                        "event: id ..%2F..%2Fetc%2Fpasswd",
                        400, INVALID, t -> answer(rawPath().get("/v1/events/..%2F..%2Fetc%2Fpasswd"))),
                of(
                        "event: unknown id",
                        404,
                        NOT_FOUND,
                        t -> answer(api().get("/v1/events/{id}", "6f1c8b8e-6a1f-4a52-9d6b-0c1d2e3f4a5b"))),
                of(
                        "event: Accept application/xml",
                        406,
                        "not-acceptable",
                        t -> answer(api().accept("application/xml")
                                .get("/v1/events/{id}", "6f1c8b8e-6a1f-4a52-9d6b-0c1d2e3f4a5b"))),
                of("timelines: limit negative", 400, INVALID, t -> get("/v1/timelines", Map.of("limit", "-1"))),
                of("timelines: tampered cursor", 400, INVALID, t -> get("/v1/timelines", Map.of("cursor", tampered()))),
                of("timeline: id ..%2F..", 400, INVALID, t -> answer(rawPath().get("/v1/timelines/..%2F..%2Fadmin"))),
                of(
                        "timeline: id with SQL",
                        400,
                        INVALID,
                        t -> answer(api().get("/v1/timelines/{t}", "x'; drop table timeline;--"))),
                of("timeline: unknown", 404, NOT_FOUND, t -> answer(api().get("/v1/timelines/{t}", t))),
                of(
                        "stream: fromSequence negative",
                        400,
                        INVALID,
                        t -> get("/v1/timelines/" + t + "/stream", Map.of("fromSequence", "-1"))),
                of(
                        "stream: fromSequence overflowing",
                        400,
                        INVALID,
                        t -> get("/v1/timelines/" + t + "/stream", Map.of("fromSequence", "99999999999999999999"))),
                of("stream: limit 0", 400, INVALID, t -> get("/v1/timelines/" + t + "/stream", Map.of("limit", "0"))),
                of("stream: sequence negative", 400, INVALID, t -> answer(api().get("/v1/timelines/{t}/stream/-1", t))),
                of(
                        "stream: sequence with SQL",
                        400,
                        INVALID,
                        t -> answer(api().get("/v1/timelines/{t}/stream/{s}", t, "1;--"))),
                of(
                        "stream: sequence overflowing",
                        400,
                        INVALID,
                        t -> answer(api().get("/v1/timelines/{t}/stream/99999999999999999999", t))),
                of(
                        "timeline events: timeline ..%2F",
                        400, INVALID, t -> answer(rawPath().get("/v1/timelines/..%2Fx/events"))),
                of(
                        "timeline events: limit 0",
                        400,
                        INVALID,
                        t -> get("/v1/timelines/" + t + "/events", Map.of("limit", "0"))),
                of("actors: limit past the maximum", 400, INVALID, t -> get("/v1/actors", Map.of("limit", "100000"))),
                of("actors: from with SQL", 400, INVALID, t -> get("/v1/actors", Map.of("from", "1' or '1'='1"))),
                of(
                        "event type: ..%2F..%2Fetc%2Fpasswd",
                        400, INVALID, t -> answer(rawPath().get("/v1/event-types/..%2F..%2Fetc%2Fpasswd"))),
                of(
                        "event type: SQL",
                        400,
                        INVALID,
                        t -> answer(api().get("/v1/event-types/{type}", "x'; drop table journal;--"))),
                of(
                        "event types: POST",
                        405,
                        "method-not-allowed",
                        t -> answer(
                                api().contentType("application/json").body("{}").post("/v1/event-types"))),
                of("projections: DELETE", 405, "method-not-allowed", t -> answer(api().delete("/v1/projections"))),
                of(
                        "rebuild: GET",
                        405,
                        "method-not-allowed",
                        t -> answer(api().get("/v1/projections/timeline/rebuild"))),
                of(
                        "rebuild: unknown projection",
                        404,
                        NOT_FOUND,
                        t -> answer(api().post("/v1/projections/{p}/rebuild", "x'--"))),
                of(
                        "rebuild: ..%2Ftimeline",
                        404, NOT_FOUND, t -> answer(rawPath().post("/v1/projections/..%2Ftimeline/rebuild"))),
                of("republish: malformed JSON", 400, INVALID, t -> republish("application/json", "{\"timelineId\": ")),
                of("republish: an array", 400, INVALID, t -> republish("application/json", "[]"))
                        .rule("type"),
                of(
                                "republish: fromSequence text",
                                400,
                                INVALID,
                                t -> republish(
                                        "application/json",
                                        "{\"timelineId\": \"" + t + "\", \"fromSequence\": \"1; drop\"}"))
                        .rule("type"),
                of(
                        "republish: fromSequence overflowing",
                        400,
                        INVALID,
                        t -> republish(
                                "application/json",
                                "{\"timelineId\": \"" + t + "\", \"fromSequence\": 1" + "0".repeat(30) + "}")),
                of(
                        "republish: fromSequence negative",
                        400,
                        INVALID,
                        t -> republish("application/json", "{\"timelineId\": \"" + t + "\", \"fromSequence\": -1}")),
                of("republish: text/plain", 415, "unsupported-media-type", t -> republish("text/plain", "{}")),
                of(
                        "republish: timeline ../x",
                        404,
                        NOT_FOUND,
                        t -> republish("application/json", "{\"timelineId\": \"../x\"}"))));
        return cases;
    }

    private static String position() {
        cursor();
        return position;
    }

    private static HostileHttp.Answer republish(String contentType, String body) {
        return answer(api().contentType(contentType).body(body).post("/v1/admin/republish"));
    }
}
