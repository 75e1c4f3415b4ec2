package dev.annals.ops;

import static dev.annals.ops.HostileCase.of;
import static dev.annals.ops.HostileHttp.answer;
import static dev.annals.ops.HostileHttp.api;

import dev.annals.support.Api;
import dev.annals.testing.TestTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Hostile event-type definitions: each is refused with the rule that catches it, and the type (named after the
 * row's fresh timeline id) is not registered afterwards.
 */
final class HostileRegistryCases {
    private static final String INVALID_TYPE = "invalid-event-type";
    private static final String INVALID = "invalid-request";

    private HostileRegistryCases() {}

    static List<HostileCase> cases() {
        List<HostileCase> cases = new ArrayList<>();
        cases.add(row("schema: a string", 422, INVALID_TYPE, "type", d -> with(d, "schema", "object")));
        cases.add(row(
                "schema: for a string, not an object",
                422,
                INVALID_TYPE,
                "const",
                d -> with(d, "schema", Map.of("type", "string"))));
        cases.add(row(
                "schema: remote $ref",
                422,
                INVALID_TYPE,
                "localReference",
                d -> with(
                        d, "schema", object(Map.of("a", Map.of("$ref", "http://169.254.169.254/latest/meta-data"))))));
        cases.add(row(
                "schema: classpath $ref",
                422,
                INVALID_TYPE,
                "localReference",
                d -> with(d, "schema", object(Map.of("a", Map.of("$ref", "classpath:application.properties"))))));
        cases.add(row(
                "schema: classpath $ref in a property named default",
                422,
                INVALID_TYPE,
                "localReference",
                d -> with(d, "schema", object(Map.of("default", Map.of("$ref", "classpath:application.properties"))))));
        cases.add(row(
                "schema: pattern with a backreference",
                422,
                INVALID_TYPE,
                "pattern",
                d -> with(d, "schema", object(Map.of("a", Map.of("type", "string", "pattern", "^(a+)\\1$"))))));
        cases.add(row(
                "schema: draft-07",
                422,
                INVALID_TYPE,
                "dialect",
                d -> with(
                        d, "schema", Map.of("$schema", "http://json-schema.org/draft-07/schema#", "type", "object"))));
        cases.add(row(
                "schema: not a JSON Schema",
                422,
                INVALID_TYPE,
                "metaSchema",
                d -> with(d, "schema", object(Map.of("a", Map.of("type", 42))))));
        cases.add(row(
                "example failing the schema",
                422,
                INVALID_TYPE,
                "type",
                d -> with(d, "examples", List.of(Map.of("a", 1)))));
        cases.add(row(
                "upcast on version 1",
                422,
                INVALID_TYPE,
                "firstVersion",
                d -> with(d, "upcast", List.of(Map.of("op", "remove", "path", "/a")))));
        cases.add(row("upcast: not an array", 422, INVALID_TYPE, "type", d -> with(d, "upcast", "move a to b")));
        cases.add(row(
                "upcast: unknown op",
                422,
                INVALID_TYPE,
                "enum",
                d -> with(d, "upcast", List.of(Map.of("op", "eval", "path", "/a")))));
        cases.add(row("no title", 400, INVALID, "required", d -> without(d, "title")));
        cases.add(row("title of 201 characters", 400, INVALID, "maxLength", d -> with(d, "title", "t".repeat(201))));
        cases.add(row("examples: an object", 400, INVALID, "type", d -> with(d, "examples", Map.of("a", "b"))));
        cases.add(row(
                "21 examples",
                400,
                INVALID,
                "maxItems",
                d -> with(d, "examples", Collections.nCopies(21, Map.of("a", "b")))));
        cases.add(of(
                        "type name with capitals",
                        400,
                        INVALID,
                        t -> answer(api().contentType("application/json")
                                .body(definition())
                                .put("/v1/event-types/{type}", "Ruling-" + t)))
                .rule("pattern"));
        cases.add(of(
                "definition as a writer",
                403,
                "forbidden",
                t -> refused(
                        t,
                        answer(Api.as(TestTokens.withGroups("writer"))
                                .contentType("application/json")
                                .body(definition())
                                .put("/v1/event-types/{type}", t)))));
        cases.add(of(
                "definition without a token",
                401,
                "unauthorized",
                t -> refused(
                        t,
                        answer(Api.anonymous()
                                .contentType("application/json")
                                .body(definition())
                                .put("/v1/event-types/{type}", t)))));
        cases.add(of(
                "definition that is not JSON",
                400,
                INVALID,
                t -> refused(
                        t,
                        answer(api().contentType("application/json")
                                .body("{\"title\": ")
                                .put("/v1/event-types/{type}", t)))));
        return cases;
    }

    private static HostileCase row(
            String name, int status, String slug, String rule, UnaryOperator<Map<String, Object>> edit) {
        return of(
                        "event type: " + name,
                        status,
                        slug,
                        t -> refused(
                                t,
                                answer(api().contentType("application/json")
                                        .body(edit.apply(definition()))
                                        .put("/v1/event-types/{type}", t))))
                .rule(rule);
    }

    /** The answer, once it is certain that nothing was registered under the name. */
    private static HostileHttp.Answer refused(String type, HostileHttp.Answer answer) {
        int after = api().get("/v1/event-types/{type}", type).statusCode();
        if (after != 404) {
            throw new AssertionError(type + " was registered after a refused definition: " + after);
        }
        return answer;
    }

    private static Map<String, Object> definition() {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("title", "Hostile");
        definition.put("description", "A definition to break.");
        definition.put("schema", object(Map.of("a", Map.of("type", "string"))));
        definition.put("examples", List.of(Map.of("a", "b")));
        return definition;
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        return Map.of("type", "object", "properties", properties, "additionalProperties", false);
    }

    private static Map<String, Object> with(Map<String, Object> definition, String key, Object value) {
        definition.put(key, value);
        return definition;
    }

    private static Map<String, Object> without(Map<String, Object> definition, String key) {
        definition.remove(key);
        return definition;
    }
}
