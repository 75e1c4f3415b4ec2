package dev.annals.registry.upcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import dev.annals.registry.upcast.Pointer.Resolution;
import java.util.Comparator;

/** Applies validated JSON Patch operations one at a time, skipping those whose source is absent (see {@link Upcast}). */
final class PatchRunner {
    /** RFC 6902 compares numbers by value: 1 equals 1.0. */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) ->
            a.equals(b) || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

    private PatchRunner() {}

    /** Runs {@code operations} (a valid upcast document) on a copy of {@code data}; {@code data} is not changed. */
    static JsonNode run(JsonNode operations, JsonNode data) {
        JsonNode current = data.deepCopy();
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            String op = operation.get("op").asText();
            Resolution looked = lookUp(op, operation, current);
            if (looked instanceof Resolution.Blocked blocked) {
                throw new UpcastFailure(i, operation, blocked.reason(), null);
            }
            JsonNode found = looked instanceof Resolution.Found present ? present.node() : null;
            if (op.equals("test")) {
                if (found == null || !found.equals(SAME_VALUE, operation.get("value"))) {
                    return current;
                }
            } else if (found != null && !(op.equals("add") && found.isNull())) {
                current = applyOne(i, operation, current);
            }
        }
        return current;
    }

    /**
     * What an operation depends on: its {@code from} for move and copy, the container of its {@code path} for add
     * (the data itself for the root), its {@code path} otherwise.
     */
    private static Resolution lookUp(String op, JsonNode operation, JsonNode data) {
        Pointer path = Pointer.parse(operation.get("path").asText());
        return switch (op) {
            case "move", "copy" -> Pointer.parse(operation.get("from").asText()).resolve(data);
            case "add" ->
                path.isRoot() ? new Resolution.Found(data) : path.parent().resolve(data);
            default -> path.resolve(data);
        };
    }

    private static JsonNode applyOne(int index, JsonNode operation, JsonNode data) {
        JsonNode patch = JsonNodeFactory.instance.arrayNode().add(operation);
        try {
            return JsonPatch.apply(patch, data);
        } catch (JsonPatchApplicationException | IllegalArgumentException e) {
            throw new UpcastFailure(index, operation, e.getMessage(), e);
        }
    }
}
