package dev.annals.registry.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;

/** The keywords the checker knows: which never matter, which it reasons about, and JSON Schema value equality. */
final class Keywords {
    private Keywords() {}

    /** Annotations only: no change to them changes which instances are valid. */
    static final Set<String> DOCUMENTATION = Set.of(
            "title",
            "description",
            "examples",
            "default",
            "$comment",
            "deprecated",
            "readOnly",
            "writeOnly",
            "$id",
            "$schema");

    private enum Shape {
        OBJECT,
        ARRAY,
        NUMBER,
        STRING,
        BOOLEAN,
        TYPE,
        ANY
    }

    /** The keywords the rules reason about, with the JSON shape each rule can read. */
    private static final Map<String, Shape> HANDLED = Map.ofEntries(
            Map.entry("type", Shape.TYPE),
            Map.entry("minLength", Shape.NUMBER),
            Map.entry("maxLength", Shape.NUMBER),
            Map.entry("minItems", Shape.NUMBER),
            Map.entry("maxItems", Shape.NUMBER),
            Map.entry("minProperties", Shape.NUMBER),
            Map.entry("maxProperties", Shape.NUMBER),
            Map.entry("minContains", Shape.NUMBER),
            Map.entry("maxContains", Shape.NUMBER),
            Map.entry("minimum", Shape.NUMBER),
            Map.entry("maximum", Shape.NUMBER),
            Map.entry("exclusiveMinimum", Shape.NUMBER),
            Map.entry("exclusiveMaximum", Shape.NUMBER),
            Map.entry("multipleOf", Shape.NUMBER),
            Map.entry("uniqueItems", Shape.BOOLEAN),
            Map.entry("pattern", Shape.STRING),
            Map.entry("format", Shape.STRING),
            Map.entry("enum", Shape.ARRAY),
            Map.entry("const", Shape.ANY),
            Map.entry("required", Shape.ARRAY),
            Map.entry("properties", Shape.OBJECT),
            Map.entry("patternProperties", Shape.OBJECT),
            Map.entry("additionalProperties", Shape.ANY),
            Map.entry("items", Shape.ANY),
            Map.entry("prefixItems", Shape.ARRAY),
            Map.entry("$defs", Shape.OBJECT),
            Map.entry("definitions", Shape.OBJECT));

    /** Whether a rule reasons about this keyword with this value ({@code null}: absent). */
    static boolean handled(String keyword, JsonNode value) {
        Shape shape = HANDLED.get(keyword);
        if (shape == null) {
            return false;
        }
        return value == null
                || switch (shape) {
                    case OBJECT -> value.isObject();
                    case ARRAY -> value.isArray();
                    case NUMBER -> value.isNumber();
                    case STRING -> value.isTextual();
                    case BOOLEAN -> value.isBoolean();
                    case TYPE -> value.isTextual() || value.isArray();
                    case ANY -> true;
                };
    }

    /** A schema that accepts every instance: absent, {@code true}, or an object of annotations only. */
    static boolean acceptsAll(JsonNode schema) {
        if (schema == null || (schema.isBoolean() && schema.booleanValue())) {
            return true;
        }
        if (!schema.isObject()) {
            return false;
        }
        for (var names = schema.fieldNames(); names.hasNext(); ) {
            if (!DOCUMENTATION.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    static boolean isFalse(JsonNode schema) {
        return schema != null && schema.isBoolean() && !schema.booleanValue();
    }

    // JSON Schema equality: 1 and 1.0 are the same number
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        return a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    };

    /** Equal as JSON Schema compares instances ({@code null}: absent, equal only to absent). */
    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(NUMBERS_BY_VALUE, b);
    }
}
