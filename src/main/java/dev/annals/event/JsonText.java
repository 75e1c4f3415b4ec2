package dev.annals.event;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.error.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Rules on JSON text that JSON Schema cannot state: PostgreSQL text cannot hold the NUL character. */
public final class JsonText {
    private JsonText() {}

    /** A field error for every string (value or key) below {@code node} that contains U+0000. */
    public static List<FieldError> nulCharacters(String pointer, JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        collect(pointer, node, errors);
        return errors;
    }

    private static void collect(String pointer, JsonNode node, List<FieldError> errors) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            errors.add(new FieldError(pointer, "noNulCharacter", "must not contain the NUL character (U+0000)"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(pointer + "/" + i, node.get(i), errors);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (field.getKey().indexOf('\u0000') >= 0) {
                    errors.add(new FieldError(child, "noNulCharacter", "keys must not contain U+0000"));
                }
                collect(child, field.getValue(), errors);
            }
        }
    }
}
