package dev.annals.registry.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One walk over a previous and a next schema side by side, collecting the breaking changes it finds. */
final class SchemaComparison {
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();
    private static final String[] DEFINITIONS = {"$defs", "definitions"};

    // a set: the same change can be reached twice (a shortened tuple compares several old items with `items`)
    private final Set<BreakingChange> changes = new LinkedHashSet<>();

    List<BreakingChange> changes() {
        return List.copyOf(changes);
    }

    void report(String pointer, String rule, String detail) {
        changes.add(new BreakingChange(pointer, rule, detail));
    }

    /** Whether {@code next} accepts every instance {@code previous} accepts, judged on its own. */
    static boolean covers(JsonNode previous, JsonNode next, Location at) {
        SchemaComparison isolated = new SchemaComparison();
        isolated.compare(previous, next, at);
        return isolated.changes.isEmpty();
    }

    /** Reports every way in which {@code next} may reject an instance that {@code previous} accepted. */
    void compare(JsonNode previous, JsonNode next, Location at) {
        if (Keywords.isFalse(previous)) {
            return; // no instance was valid: nothing to break
        }
        if (!isSchema(previous) || !isSchema(next)) {
            if (!Keywords.same(previous, next)) {
                report(at.pointer(), "unsupportedChange", at.describe() + " is not a schema and changed");
            }
            return;
        }
        if (Keywords.isFalse(next)) {
            report(at.pointer(), "schemaClosed", at.describe() + " changed from a schema to false: it accepts nothing");
            return;
        }
        ObjectNode before = previous.isObject() ? (ObjectNode) previous : EMPTY; // true is {}
        ObjectNode after = next.isObject() ? (ObjectNode) next : EMPTY;
        ValueRules.compare(before, after, at, this);
        ObjectRules.compare(before, after, at, this);
        ArrayRules.compare(before, after, at, this);
        definitions(before, after, at);
        unsupported(before, after, at);
    }

    private static boolean isSchema(JsonNode node) {
        return node.isObject() || node.isBoolean();
    }

    private void definitions(ObjectNode before, ObjectNode after, Location at) {
        for (String container : DEFINITIONS) {
            JsonNode old = well(before, container);
            JsonNode now = well(after, container);
            if (old == null) {
                continue; // new definitions only matter through a changed $ref, which is reported
            }
            for (var names = old.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Location place = at.definition(container, name);
                if (now == null || !now.has(name)) {
                    report(
                            place.pointer(),
                            "unsupportedChange",
                            place.field() + " removed: a $ref to it no longer resolves");
                } else {
                    compare(old.get(name), now.get(name), place);
                }
            }
        }
    }

    /** A keyword a rule reads, or null when it is absent or not of the shape the rule reads. */
    static JsonNode well(ObjectNode schema, String keyword) {
        JsonNode value = schema.get(keyword);
        return value != null && Keywords.handled(keyword, value) ? value : null;
    }

    // conservative: a difference in any keyword no rule reasons about (or of a shape it cannot read) is breaking
    private void unsupported(ObjectNode before, ObjectNode after, Location at) {
        Set<String> keywords = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(keywords::add);
        after.fieldNames().forEachRemaining(keywords::add);
        for (String keyword : keywords) {
            JsonNode old = before.get(keyword);
            JsonNode now = after.get(keyword);
            if (Keywords.DOCUMENTATION.contains(keyword)
                    || (Keywords.handled(keyword, old) && Keywords.handled(keyword, now))
                    || Keywords.same(old, now)) {
                continue;
            }
            String change = old == null ? "added" : now == null ? "removed" : "changed";
            report(
                    at.keyword(keyword),
                    "unsupportedChange",
                    keyword + " of " + at.describe() + " " + change
                            + ": the registry does not reason about it, so any change counts as breaking");
        }
    }
}
