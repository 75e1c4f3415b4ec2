package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Fills required properties that are missing from the data with the {@code default} their schema declares. */
final class RequiredDefaults {
    private RequiredDefaults() {}

    /**
     * Fills {@code data} in place, following {@code properties} of {@code schema} into nested objects present in
     * the data; a present member (even JSON null) is never replaced, and {@code $ref} is not followed.
     */
    static void fill(JsonNode data, JsonNode schema) {
        if (!(data instanceof ObjectNode object) || schema == null || !schema.isObject()) {
            return;
        }
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            JsonNode property = properties.path(required.asText());
            if (required.isTextual() && !object.has(required.asText()) && property.has("default")) {
                object.set(required.asText(), property.get("default").deepCopy());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            fill(object.get(property.getKey()), property.getValue());
        }
    }
}
