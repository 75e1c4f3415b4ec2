package dev.annals.registry.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Copies a registered data schema into a larger document at a JSON Pointer: {@code $id} and {@code $schema} are
 * dropped (the copy is not the registered resource, and the host document fixes the dialect), and every local
 * reference ({@code #}, {@code #/...}, {@code #anchor}) is rewritten to the absolute pointer of its target inside
 * the host document, since tools resolve {@code #...} against the host's root once the {@code $id} is gone.
 */
public final class InlinedSchemas {
    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef");
    /** Keywords whose values are instances, not schemas: nothing inside them is rewritten. */
    private static final Set<String> INSTANCE_KEYWORDS = Set.of("const", "default", "enum", "examples");
    /** Keywords whose values map names (not keywords) to schemas. */
    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

    private InlinedSchemas() {}

    /** A copy of {@code schema} fit to live at {@code at} (a JSON Pointer of the host document, "" for the root). */
    public static JsonNode inline(JsonNode schema, String at) {
        Map<String, String> anchors = new HashMap<>();
        collectAnchors(schema, at, at, anchors);
        return rewrite(schema, at, at, anchors);
    }

    /** The JSON Pointer token of a name (RFC 6901). */
    public static String token(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static void collectAnchors(JsonNode node, String at, String resource, Map<String, String> anchors) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectAnchors(node.get(i), at + "/" + i, resource, anchors);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String base = node.has("$id") ? at : resource;
        for (String keyword : Set.of("$anchor", "$dynamicAnchor")) {
            JsonNode anchor = node.get(keyword);
            if (anchor != null && anchor.isTextual()) {
                anchors.putIfAbsent(base + "#" + anchor.asText(), at);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String here = at + "/" + token(key);
            if (SCHEMA_MAPS.contains(key) && field.getValue().isObject()) {
                field.getValue()
                        .fields()
                        .forEachRemaining(
                                e -> collectAnchors(e.getValue(), here + "/" + token(e.getKey()), base, anchors));
            } else if (!INSTANCE_KEYWORDS.contains(key)) {
                collectAnchors(field.getValue(), here, base, anchors);
            }
        }
    }

    private static JsonNode rewrite(JsonNode node, String at, String resource, Map<String, String> anchors) {
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode(node.size());
            for (int i = 0; i < node.size(); i++) {
                copy.add(rewrite(node.get(i), at + "/" + i, resource, anchors));
            }
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        String base = node.has("$id") ? at : resource;
        ObjectNode copy = ((ObjectNode) node).objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            String here = at + "/" + token(key);
            if (key.equals("$id") || key.equals("$schema")) {
                continue;
            }
            if (REFERENCES.contains(key) && value.isTextual()) {
                copy.put(key, target(value.asText(), base, anchors));
            } else if (SCHEMA_MAPS.contains(key) && value.isObject()) {
                ObjectNode map = copy.putObject(key);
                value.fields()
                        .forEachRemaining(e -> map.set(
                                e.getKey(), rewrite(e.getValue(), here + "/" + token(e.getKey()), base, anchors)));
            } else if (INSTANCE_KEYWORDS.contains(key)) {
                copy.set(key, value.deepCopy());
            } else {
                copy.set(key, rewrite(value, here, base, anchors));
            }
        }
        return copy;
    }

    /** The absolute reference of a local one; references the registry would have refused are kept as they are. */
    private static String target(String reference, String resource, Map<String, String> anchors) {
        if (!reference.startsWith("#")) {
            return reference;
        }
        String fragment = reference.substring(1);
        if (fragment.isEmpty() || fragment.startsWith("/")) {
            return "#" + resource + fragment;
        }
        String anchored = anchors.get(resource + "#" + fragment);
        return anchored == null ? reference : "#" + anchored;
    }
}
