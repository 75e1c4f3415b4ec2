package dev.annals.registry.compat;

import static dev.annals.registry.compat.SchemaComparison.well;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules on the values a schema accepts: type, bounds, uniqueItems, multipleOf, pattern, format, enum, const. */
final class ValueRules {
    private ValueRules() {}

    private static final List<String> ALL_TYPES =
            List.of("null", "boolean", "object", "array", "number", "integer", "string");

    // a lower bound that is absent means its default (minLength 0 is no constraint); null: no default
    private static final Map<String, BigDecimal> LOWER_BOUNDS = Map.of(
            "minLength", BigDecimal.ZERO,
            "minItems", BigDecimal.ZERO,
            "minProperties", BigDecimal.ZERO,
            "minContains", BigDecimal.ONE);
    private static final List<String> LOWER =
            List.of("minLength", "minItems", "minProperties", "minContains", "minimum", "exclusiveMinimum");
    private static final List<String> UPPER =
            List.of("maxLength", "maxItems", "maxProperties", "maxContains", "maximum", "exclusiveMaximum");

    static void compare(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        type(before, after, at, out);
        LOWER.forEach(keyword -> lowerBound(keyword, before, after, at, out));
        UPPER.forEach(keyword -> upperBound(keyword, before, after, at, out));
        uniqueItems(before, after, at, out);
        multipleOf(before, after, at, out);
        changedText("pattern", "patternChanged", before, after, at, out);
        changedText("format", "formatChanged", before, after, at, out);
        enumeration(before, after, at, out);
        constant(before, after, at, out);
    }

    private static void type(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode now = well(after, "type");
        if (now == null) {
            return; // no type: every type
        }
        JsonNode old = well(before, "type");
        Set<String> allowed = types(now);
        List<String> lost = (old == null ? ALL_TYPES : List.copyOf(types(old)))
                .stream()
                        .filter(type ->
                                !allowed.contains(type) && !(type.equals("integer") && allowed.contains("number")))
                        .toList();
        if (!lost.isEmpty()) {
            out.report(
                    at.keyword("type"),
                    "typeNarrowed",
                    "type of " + at.describe() + " narrowed from " + (old == null ? "any" : old) + " to " + now
                            + " (no longer allowed: " + String.join(", ", lost) + ")");
        }
    }

    private static Set<String> types(JsonNode type) {
        Set<String> types = new LinkedHashSet<>();
        if (type.isTextual()) {
            types.add(type.textValue());
        } else {
            type.forEach(each -> types.add(each.asText()));
        }
        return types;
    }

    private static void lowerBound(
            String keyword, ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        BigDecimal old = number(before, keyword, LOWER_BOUNDS.get(keyword));
        BigDecimal now = number(after, keyword, LOWER_BOUNDS.get(keyword));
        if (now != null && (old == null || now.compareTo(old) > 0)) {
            tightened(keyword, old, now, "raised", at, out);
        }
    }

    private static void upperBound(
            String keyword, ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        BigDecimal old = number(before, keyword, null);
        BigDecimal now = number(after, keyword, null);
        if (now != null && (old == null || now.compareTo(old) < 0)) {
            tightened(keyword, old, now, "lowered", at, out);
        }
    }

    private static BigDecimal number(ObjectNode schema, String keyword, BigDecimal absent) {
        JsonNode value = well(schema, keyword);
        return value == null ? absent : value.decimalValue();
    }

    private static void tightened(
            String keyword, Object old, Object now, String how, Location at, SchemaComparison out) {
        String detail = old == null
                ? keyword + " " + now + " added to " + at.describe()
                : keyword + " of " + at.describe() + " " + how + " from " + old + " to " + now;
        out.report(at.keyword(keyword), "constraintTightened", detail);
    }

    private static void uniqueItems(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode old = well(before, "uniqueItems");
        JsonNode now = well(after, "uniqueItems");
        if (now != null && now.booleanValue() && (old == null || !old.booleanValue())) {
            tightened("uniqueItems", old == null ? false : old, true, "changed", at, out);
        }
    }

    private static void multipleOf(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        BigDecimal old = number(before, "multipleOf", null);
        BigDecimal now = number(after, "multipleOf", null);
        if (now == null || now.signum() <= 0) {
            return; // a non-positive multipleOf is an invalid schema, not a constraint
        }
        // every multiple of the old value stays valid exactly when the old value is a multiple of the new one
        if (old == null || old.remainder(now).signum() != 0) {
            tightened("multipleOf", old, now, "changed", at, out);
        }
    }

    private static void changedText(
            String keyword, String rule, ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode old = well(before, keyword);
        JsonNode now = well(after, keyword);
        if (now == null || Keywords.same(old, now)) {
            return; // removing it only relaxes
        }
        out.report(
                at.keyword(keyword),
                rule,
                old == null
                        ? keyword + " " + now + " added to " + at.describe()
                        : keyword + " of " + at.describe() + " changed from " + old + " to " + now);
    }

    private static void enumeration(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode now = well(after, "enum");
        if (now == null) {
            return;
        }
        JsonNode old = well(before, "enum");
        if (old == null) {
            JsonNode constant = before.get("const");
            if (constant == null || !contains(now, constant)) {
                out.report(at.keyword("enum"), "enumAdded", "enum " + now + " added to " + at.describe());
            }
            return;
        }
        for (JsonNode value : old) {
            if (!contains(now, value)) {
                out.report(
                        at.keyword("enum"),
                        "enumValueRemoved",
                        "enum value " + value + " removed from " + at.describe() + " (was " + old + ", now " + now
                                + ")");
            }
        }
    }

    private static void constant(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode now = after.get("const");
        JsonNode old = before.get("const");
        if (now == null || Keywords.same(old, now)) {
            return;
        }
        JsonNode oldEnum = well(before, "enum");
        if (old == null && oldEnum != null && !oldEnum.isEmpty() && allSame(oldEnum, now)) {
            return; // enum [x] → const x
        }
        out.report(
                at.keyword("const"),
                "constChanged",
                old == null
                        ? "const " + now + " added to " + at.describe()
                        : "const of " + at.describe() + " changed from " + old + " to " + now);
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode each : values) {
            if (Keywords.same(each, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allSame(JsonNode values, JsonNode value) {
        for (JsonNode each : values) {
            if (!Keywords.same(each, value)) {
                return false;
            }
        }
        return true;
    }
}
