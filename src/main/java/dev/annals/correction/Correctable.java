package dev.annals.correction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fields of an event a correction may change, and how a correction's merge patch applies to them: a member
 * replaces its field ({@code data} is merged member by member), null removes an optional field, and removed
 * lists, precision and data fall back to their defaults, as they do when an event is appended without them.
 */
public final class Correctable {
    /** The correctable fields, in the order events have them. */
    public static final List<String> FIELDS =
            List.of("occurredAt", "occurredAtPrecision", "title", "summary", "actors", "sources", "tags", "data");

    private Correctable() {}

    /** The correctable fields of an event (its JSON as stored or answered). */
    public static ObjectNode fields(JsonNode event) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (String field : FIELDS) {
            if (event.hasNonNull(field)) {
                fields.set(field, event.get(field).deepCopy());
            }
        }
        return withDefaults(fields);
    }

    /** The event with the changes applied to its correctable fields; everything else stays as it is. */
    public static ObjectNode apply(JsonNode event, JsonNode changes) {
        ObjectNode patched = withDefaults((ObjectNode) MergePatch.apply(fields(event), changes));
        ObjectNode corrected = ((ObjectNode) event).deepCopy();
        for (String field : FIELDS) {
            corrected.remove(field);
        }
        corrected.setAll(patched);
        return corrected;
    }

    /** Whether applying the changes leaves the correctable fields exactly as they are. */
    public static boolean changesNothing(JsonNode event, JsonNode changes) {
        return fields(event).equals(fields(apply(event, changes)));
    }

    private static ObjectNode withDefaults(ObjectNode fields) {
        if (!fields.hasNonNull("occurredAtPrecision")) {
            fields.put("occurredAtPrecision", "second");
        }
        for (String list : List.of("actors", "sources", "tags")) {
            if (!fields.hasNonNull(list)) {
                fields.putArray(list);
            }
        }
        if (!fields.hasNonNull("data")) {
            fields.putObject("data");
        }
        return fields;
    }
}
