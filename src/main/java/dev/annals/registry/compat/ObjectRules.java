package dev.annals.registry.compat;

import static dev.annals.registry.compat.SchemaComparison.well;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The rules on objects: properties, required, patternProperties and additionalProperties. */
final class ObjectRules {
    private ObjectRules() {}

    private static final ObjectNode NONE = JsonNodeFactory.instance.objectNode();

    static void compare(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode oldProperties = orNone(well(before, "properties"));
        JsonNode newProperties = orNone(well(after, "properties"));
        oldProperties.fields().forEachRemaining(property -> {
            Location place = at.property(property.getKey());
            JsonNode now = newProperties.get(property.getKey());
            if (now == null) {
                out.report(place.pointer(), "propertyRemoved", "property " + place.describe() + " removed");
            } else {
                out.compare(property.getValue(), now, place);
            }
        });
        newProperties.fields().forEachRemaining(property -> {
            if (!oldProperties.has(property.getKey())) {
                added(before, property.getKey(), property.getValue(), at, out);
            }
        });
        required(before, after, newProperties, at, out);
        patternProperties(before, after, at, out);
        additionalProperties(before, after, at, out);
    }

    private static JsonNode orNone(JsonNode node) {
        return node == null ? NONE : node;
    }

    // old data may already hold a property that is new in `properties`, unless the old model was closed to it
    private static void added(ObjectNode before, String name, JsonNode schema, Location at, SchemaComparison out) {
        Location place = at.property(name);
        List<JsonNode> heldUnder = schemasOldValuesMet(before, name);
        if (heldUnder.stream().anyMatch(old -> SchemaComparison.covers(old, schema, place))) {
            return;
        }
        out.report(
                place.pointer(),
                "propertyAddedToOpenModel",
                "property " + place.describe() + " added, but the previous schema allowed it as an additional"
                        + " property: old data may hold it with a value its new schema rejects");
    }

    /** The schemas an old value of an undeclared property satisfied (every one of them); false: it could not exist. */
    private static List<JsonNode> schemasOldValuesMet(ObjectNode before, String name) {
        List<JsonNode> matched = new ArrayList<>();
        boolean unknown = false;
        JsonNode patterns = orNone(well(before, "patternProperties"));
        for (var pattern = patterns.fields(); pattern.hasNext(); ) {
            var entry = pattern.next();
            Boolean matches = matches(entry.getKey(), name);
            if (matches == null) {
                unknown = true;
            } else if (matches) {
                matched.add(entry.getValue());
            }
        }
        if (!matched.isEmpty()) {
            return matched;
        }
        if (unknown) {
            return List.of(BooleanNode.TRUE); // maybe held under a pattern we cannot read: assume any value
        }
        JsonNode additional = before.get("additionalProperties");
        return List.of(additional == null ? BooleanNode.TRUE : additional);
    }

    /** Whether an ECMA-262 pattern finds a match in the name, read as a Java regex; null when it does not compile. */
    private static Boolean matches(String pattern, String name) {
        try {
            return Pattern.compile(pattern).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private static void required(
            ObjectNode before, ObjectNode after, JsonNode newProperties, Location at, SchemaComparison out) {
        Set<String> old = names(well(before, "required"));
        for (String name : names(well(after, "required"))) {
            JsonNode schema = newProperties.get(name);
            if (old.contains(name) || (schema != null && schema.isObject() && schema.has("default"))) {
                continue; // with a default, the upcaster fills it in old data
            }
            out.report(
                    at.keyword("required"),
                    "requiredAdded",
                    "property " + at.property(name).describe()
                            + " is now required and its schema has no default: old data without it is rejected");
        }
    }

    private static Set<String> names(JsonNode required) {
        Set<String> names = new HashSet<>();
        if (required != null) {
            required.forEach(name -> names.add(name.asText()));
        }
        return names;
    }

    private static void patternProperties(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode old = orNone(well(before, "patternProperties"));
        JsonNode now = orNone(well(after, "patternProperties"));
        old.fields().forEachRemaining(entry -> {
            Location place = at.patternProperty(entry.getKey());
            JsonNode schema = now.get(entry.getKey());
            if (schema != null) {
                out.compare(entry.getValue(), schema, place);
            } else if (!Keywords.acceptsAll(after.get("additionalProperties"))) {
                out.report(
                        place.pointer(),
                        "unsupportedChange",
                        "patternProperties " + entry.getKey() + " of " + at.describe()
                                + " removed while additionalProperties now constrains the properties it matched");
            }
        });
        now.fields().forEachRemaining(entry -> {
            if (!old.has(entry.getKey())
                    && !Keywords.acceptsAll(entry.getValue())
                    && oldDataMayMatch(before, entry.getKey())) {
                Location place = at.patternProperty(entry.getKey());
                out.report(
                        place.pointer(),
                        "unsupportedChange",
                        "patternProperties " + entry.getKey() + " added to " + at.describe()
                                + ": properties of old data may match it and break its schema");
            }
        });
    }

    // a new pattern is harmless only in a closed model none of whose declared properties it matches
    private static boolean oldDataMayMatch(ObjectNode before, String pattern) {
        if (!Keywords.isFalse(before.get("additionalProperties")) || well(before, "patternProperties") != null) {
            return true;
        }
        for (var names = orNone(well(before, "properties")).fieldNames(); names.hasNext(); ) {
            if (!Boolean.FALSE.equals(matches(pattern, names.next()))) {
                return true;
            }
        }
        return false;
    }

    private static void additionalProperties(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode old = before.get("additionalProperties");
        JsonNode now = after.get("additionalProperties");
        if (Keywords.isFalse(old) || Keywords.acceptsAll(now)) {
            return;
        }
        Location place = at.additionalProperties();
        if (Keywords.acceptsAll(old) || Keywords.isFalse(now)) {
            out.report(
                    place.pointer(),
                    "additionalPropertiesClosed",
                    "additionalProperties of " + at.describe() + " changed from " + (old == null ? "absent" : old)
                            + " to " + now);
        } else {
            out.compare(old, now, place);
        }
    }
}
