package dev.annals.registry.compat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** BACKWARD compatibility of a data schema's next version with its previous one. */
public final class BackwardCompatibility {
    private BackwardCompatibility() {}

    /**
     * Every change that would make an instance valid under {@code previous} invalid under {@code next}, in document
     * order; empty when {@code next} is a compatible successor. Both are JSON Schema 2020-12 documents (objects or
     * booleans). Keywords the checker does not reason about count as breaking whenever they differ.
     */
    public static List<BreakingChange> check(JsonNode previous, JsonNode next) {
        requireSchema(previous, "previous");
        requireSchema(next, "next");
        SchemaComparison comparison = new SchemaComparison();
        comparison.compare(previous, next, Location.ROOT);
        return comparison.changes();
    }

    private static void requireSchema(JsonNode schema, String name) {
        Objects.requireNonNull(schema, name);
        if (!schema.isObject() && !schema.isBoolean()) {
            throw new IllegalArgumentException(name + " is not a JSON Schema (an object or a boolean): " + schema);
        }
    }
}
