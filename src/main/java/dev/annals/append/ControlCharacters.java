package dev.annals.append;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelope's human-readable text (title, summary, actor names and roles, source publishers and urls) holds no
 * control characters but tab, line feed and carriage return: an escape sequence in a headline would reach every
 * consumer's terminal and log. A type's {@code data} follows its own schema.
 */
final class ControlCharacters {
    private ControlCharacters() {}

    static List<FieldError> errors(String prefix, JsonNode event) {
        List<FieldError> errors = new ArrayList<>();
        if (event == null || !event.isObject()) {
            return errors;
        }
        check(prefix + "/title", event.get("title"), errors);
        check(prefix + "/summary", event.get("summary"), errors);
        each(prefix + "/actors", event.get("actors"), List.of("name", "role"), errors);
        each(prefix + "/sources", event.get("sources"), List.of("publisher", "url"), errors);
        return errors;
    }

    private static void each(String pointer, JsonNode items, List<String> fields, List<FieldError> errors) {
        if (items == null || !items.isArray()) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            for (String field : fields) {
                check(pointer + "/" + i + "/" + field, items.get(i).get(field), errors);
            }
        }
    }

    private static void check(String pointer, JsonNode value, List<FieldError> errors) {
        if (value == null || !value.isTextual()) {
            return;
        }
        String text = value.textValue();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // NUL has its own rule (noNulCharacter)
            if (c != 0 && (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f)) {
                errors.add(new FieldError(
                        pointer,
                        "noControlCharacters",
                        String.format("must not contain control characters (U+%04X at %d)", (int) c, i)));
                return;
            }
        }
    }
}
