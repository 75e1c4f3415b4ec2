package dev.annals.registry.compat;

import static dev.annals.registry.compat.SchemaComparison.well;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The rules on array items: each position of prefixItems, then items for the positions after them. */
final class ArrayRules {
    private ArrayRules() {}

    static void compare(ObjectNode before, ObjectNode after, Location at, SchemaComparison out) {
        JsonNode oldItems = before.get("items");
        JsonNode newItems = after.get("items");
        JsonNode oldPrefix = well(before, "prefixItems");
        JsonNode newPrefix = well(after, "prefixItems");
        int oldLength = oldPrefix == null ? 0 : oldPrefix.size();
        int newLength = newPrefix == null ? 0 : newPrefix.size();
        // a position that moves between prefixItems and items is compared with whatever governs it on each side
        for (int i = 0; i < Math.max(oldLength, newLength); i++) {
            JsonNode old = i < oldLength ? oldPrefix.get(i) : orTrue(oldItems);
            JsonNode now = i < newLength ? newPrefix.get(i) : orTrue(newItems);
            out.compare(old, now, i < newLength ? at.prefixItem(i) : at.items());
        }
        if (oldItems != null || newItems != null) {
            out.compare(orTrue(oldItems), orTrue(newItems), at.items());
        }
    }

    private static JsonNode orTrue(JsonNode schema) {
        return schema == null ? BooleanNode.TRUE : schema;
    }
}
