package dev.annals.registry.asyncapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A made-up hearing type in two compatible versions; v2 adds an optional room that $refs a definition. */
final class LiveTypes {
    private LiveTypes() {}

    static Map<String, Object> v1() {
        return definition(Map.of("judge", Map.of("$ref", "#/$defs/name")), List.of(Map.of("judge", "ana-reyes")));
    }

    static Map<String, Object> v2() {
        return definition(
                Map.of("judge", Map.of("$ref", "#/$defs/name"), "room", Map.of("$ref", "#/$defs/name")),
                List.of(Map.of("judge", "ana-reyes", "room", "22A")));
    }

    private static Map<String, Object> definition(Map<String, Object> properties, List<Object> examples) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", "https://annals.dev/schemas/event-types/hearing/v1.json");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of("judge"));
        schema.put("additionalProperties", false);
        schema.put("$defs", Map.of("name", Map.of("type", "string", "minLength", 1)));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("title", "Hearing held");
        definition.put("description", "A court hears a case.");
        definition.put("schema", schema);
        definition.put("examples", examples);
        return definition;
    }
}
