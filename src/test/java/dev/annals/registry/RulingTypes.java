package dev.annals.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Definitions of a made-up court type in three versions, each test under a fresh name: v1 has {@code judge}; v2
 * adds an optional {@code courtroom} (compatible); v3 renames {@code judge} to {@code presidingJudge} (breaking,
 * with an upcast) and adds a required {@code appealable} with a default.
 */
final class RulingTypes {
    private RulingTypes() {}

    static String freshName() {
        return "ruling-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> v1() {
        return definition(
                Map.of("judge", string(), "outcome", Map.of("type", "string", "enum", List.of("granted", "denied"))),
                List.of("judge", "outcome"),
                List.of(Map.of("judge", "ana-reyes", "outcome", "granted")),
                null);
    }

    static Map<String, Object> v2() {
        return definition(
                Map.of(
                        "judge", string(),
                        "outcome", Map.of("type", "string", "enum", List.of("granted", "denied", "partly-granted")),
                        "courtroom", string()),
                List.of("judge", "outcome"),
                List.of(Map.of("judge", "ana-reyes", "outcome", "partly-granted", "courtroom", "22A")),
                null);
    }

    static Map<String, Object> v3() {
        return definition(
                Map.of(
                        "presidingJudge", string(),
                        "outcome", Map.of("type", "string", "enum", List.of("granted", "denied", "partly-granted")),
                        "courtroom", string(),
                        "appealable", Map.of("type", "boolean", "default", false)),
                List.of("presidingJudge", "outcome", "appealable"),
                List.of(Map.of("presidingJudge", "ana-reyes", "outcome", "denied", "appealable", true)),
                List.of(Map.of("op", "move", "from", "/judge", "path", "/presidingJudge")));
    }

    /** v2 without {@code judge} and without an upcast: breaking. */
    static Map<String, Object> v2WithoutJudge() {
        Map<String, Object> definition = v2();
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = (Map<String, Object>) definition.get("schema");
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = new LinkedHashMap<>((Map<String, Object>) schema.get("properties"));
        properties.remove("judge");
        schema.put("properties", properties);
        schema.put("required", List.of("outcome"));
        definition.put("examples", List.of(Map.of("outcome", "denied")));
        return definition;
    }

    static Map<String, Object> definition(
            Map<String, Object> properties, List<String> required, List<Object> examples, List<Object> upcast) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", false);
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("title", "Ruling issued");
        definition.put("description", "A court rules on a motion.");
        definition.put("schema", schema);
        definition.put("examples", examples);
        if (upcast != null) {
            definition.put("upcast", upcast);
        }
        return definition;
    }

    /** An event of the type with the given data. */
    static Map<String, Object> event(String type, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("occurredAt", "2026-03-02T10:00:00-05:00");
        event.put("occurredAtPrecision", "hour");
        event.put("title", "Ruling on the motion");
        event.put("data", data);
        return event;
    }

    private static Map<String, Object> string() {
        return Map.of("type", "string", "minLength", 1);
    }
}
