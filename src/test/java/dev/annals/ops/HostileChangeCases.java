package dev.annals.ops;

import static dev.annals.ops.HostileCase.of;
import static dev.annals.ops.HostileHttp.answer;
import static dev.annals.ops.HostileHttp.api;

import dev.annals.support.Fixtures;
import dev.annals.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Hostile corrections and retractions of two events appended once, before any row runs (one of them retracted):
 * every row is refused and the matrix checks that nothing was stored.
 */
final class HostileChangeCases {
    private static final String INVALID_EVENT = "invalid-event";
    private static final String INVALID = "invalid-request";
    private static String live;
    private static String retracted;

    private HostileChangeCases() {}

    /** Appends the targets once (outside any row's measurement). */
    static synchronized void prepare() {
        if (live != null) {
            return;
        }
        String timeline = Fixtures.timeline("hostile-targets");
        Map<String, Object> first = Fixtures.statement("Target");
        Map<String, Object> second = Fixtures.statement("Retracted target");
        api().contentType("application/json")
                .body(List.of(first, second))
                .post("/v1/timelines/{t}/events", timeline)
                .then()
                .statusCode(201);
        api().contentType("application/json")
                .body("{\"reason\":\"r\"}")
                .post("/v1/events/{id}/retractions", second.get("id"))
                .then()
                .statusCode(201);
        live = (String) first.get("id");
        retracted = (String) second.get("id");
    }

    static List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(correction(
                "changes: not an object", 422, INVALID_EVENT, "type", "{\"changes\":\"title\",\"reason\":\"r\"}"));
        cases.add(
                correction("changes: empty", 422, INVALID_EVENT, "minProperties", "{\"changes\":{},\"reason\":\"r\"}"));
        cases.add(correction(
                "changes: the id",
                422,
                INVALID_EVENT,
                "additionalProperties",
                "{\"changes\":{\"id\":\"x\"},\"reason\":\"r\"}"));
        cases.add(correction(
                "changes: the sequence",
                422,
                INVALID_EVENT,
                "additionalProperties",
                "{\"changes\":{\"sequence\":1},\"reason\":\"r\"}"));
        cases.add(correction(
                "changes: title removed",
                422,
                INVALID_EVENT,
                "required",
                "{\"changes\":{\"title\":null},\"reason\":\"r\"}"));
        cases.add(correction(
                "changes: a javascript: source url",
                422,
                INVALID_EVENT,
                "pattern",
                "{\"changes\":{\"sources\":[{\"publisher\":\"x\",\"url\":\"javascript:alert(1)\",\"reliability\":\"confirmed\"}]},"
                        + "\"reason\":\"r\"}"));
        cases.add(correction(
                "changes: year 10000",
                422,
                INVALID_EVENT,
                "dateRange",
                "{\"changes\":{\"occurredAt\":\"+10000-01-01T00:00:00Z\"},\"reason\":\"r\"}"));
        cases.add(correction(
                "changes: data against its schema",
                422,
                INVALID_EVENT,
                "type",
                "{\"changes\":{\"data\":{\"quote\":42}},\"reason\":\"r\"}"));
        cases.add(correction(
                "changes nothing",
                422,
                INVALID_EVENT,
                "changesSomething",
                "{\"changes\":{\"tags\":[\"statement\"]},\"reason\":\"r\"}"));
        cases.add(correction("reason: missing", 422, INVALID_EVENT, "required", "{\"changes\":{\"title\":\"x\"}}"));
        cases.add(correction(
                "reason: 1001 characters",
                422,
                INVALID_EVENT,
                "maxLength",
                "{\"changes\":{\"title\":\"x\"},\"reason\":\"" + "r".repeat(1001) + "\"}"));
        cases.add(correction("body: an array", 400, INVALID, "type", "[]"));
        cases.add(correction("body: not JSON", 400, INVALID, null, "{\"changes\":"));
        cases.add(correction(
                "body: an unknown member",
                400,
                INVALID,
                "additionalProperties",
                "{\"changes\":{\"title\":\"x\"},\"reason\":\"r\",\"by\":\"me\"}"));
        cases.add(of(
                "correction: an event id that is no UUID",
                400,
                INVALID,
                t -> answer(api().contentType("application/json")
                        .body("{\"changes\":{\"title\":\"x\"},\"reason\":\"r\"}")
                        .post("/v1/events/{id}/corrections", "1 or 1=1"))));
        cases.add(of(
                "correction: an unknown event",
                404,
                "not-found",
                t -> answer(api().contentType("application/json")
                        .body("{\"changes\":{\"title\":\"x\"},\"reason\":\"r\"}")
                        .post("/v1/events/{id}/corrections", UUID.randomUUID()))));
        cases.add(of(
                "retraction: by a reader",
                403,
                "forbidden",
                t -> answer(api(TestTokens.withGroups("reader"))
                        .contentType("application/json")
                        .body("{\"reason\":\"r\"}")
                        .post("/v1/events/{id}/retractions", live))));
        cases.add(of(
                "retraction: outside the token's write scope",
                403,
                "forbidden",
                t -> answer(
                        api(TestTokens.withClaims(Set.of("writer"), Map.of("annals_timelines", List.of("elsewhere-*"))))
                                .contentType("application/json")
                                .body("{\"reason\":\"r\"}")
                                .post("/v1/events/{id}/retractions", live))));
        cases.add(of(
                        "retraction: of a retracted event",
                        422,
                        INVALID_EVENT,
                        t -> answer(api().contentType("application/json")
                                .body("{\"reason\":\"again\"}")
                                .post("/v1/events/{id}/retractions", retracted)))
                .rule("notRetracted"));
        cases.add(of(
                        "correction: of a retracted event",
                        422,
                        INVALID_EVENT,
                        t -> answer(api().contentType("application/json")
                                .body("{\"changes\":{\"title\":\"x\"},\"reason\":\"r\"}")
                                .post("/v1/events/{id}/corrections", retracted)))
                .rule("notRetracted"));
        return cases;
    }

    private static HostileCase correction(String name, int status, String slug, String rule, String body) {
        HostileCase row = of(
                "correction: " + name,
                status,
                slug,
                t -> answer(
                        api().contentType("application/json").body(body).post("/v1/events/{id}/corrections", live)));
        return rule == null ? row : row.rule(rule);
    }
}
