package dev.annals.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.event.Slugs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /v1/timelines/{timelineId}/metadata}, checked field by field. */
@Schema(name = "MetadataRequest", description = "A timeline's title, description and tags.")
public record MetadataRequest(
        @Schema(required = true, minLength = 1, maxLength = 200)
        String title,

        @Schema(maxLength = 2000) String description,

        @Schema(maxItems = 50, description = "Slugs (a-z, 0-9, -).")
        List<String> tags) {

    private static final Set<String> FIELDS = Set.of("title", "description", "tags");

    /** The request in {@code body}, or a 400 naming every field that breaks a rule (nothing is stored). */
    static MetadataRequest of(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "The body must be a JSON object", List.of(FieldError.pointer("", "type", "must be an object")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(FieldError.pointer(
                        "/" + name, "unknownMember", "unknown member; allowed: title, description, tags"));
            }
        });
        String title = text(body, "title", 200, true, errors);
        String description = text(body, "description", 2000, false, errors);
        List<String> tags = tags(body.get("tags"), errors);
        if (!errors.isEmpty()) {
            throw ProblemType.INVALID_REQUEST.exception("Invalid timeline metadata; nothing was stored", errors);
        }
        return new MetadataRequest(title, description, tags);
    }

    private static String text(JsonNode body, String name, int max, boolean required, List<FieldError> errors) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(FieldError.pointer("/" + name, "required", "is required"));
            }
            return null;
        }
        if (!value.isTextual() || (required && value.asText().isBlank())) {
            errors.add(
                    FieldError.pointer("/" + name, "type", "must be a" + (required ? " non-blank" : "") + " string"));
            return null;
        }
        String text = value.asText().strip();
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(FieldError.pointer("/" + name, "maxLength", "must be at most " + max + " characters"));
        }
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(FieldError.pointer(
                    "/" + name,
                    "noControlCharacters",
                    "must not contain control characters (but newline, carriage return, tab)"));
        }
        return text.isEmpty() ? null : text;
    }

    private static List<String> tags(JsonNode tags, List<FieldError> errors) {
        if (tags == null || tags.isNull()) {
            return List.of();
        }
        if (!tags.isArray() || tags.size() > 50) {
            errors.add(FieldError.pointer("/tags", "type", "must be an array of at most 50 slugs"));
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            if (!tag.isTextual() || !Slugs.isValid(tag.asText())) {
                errors.add(FieldError.pointer("/tags/" + i, "pattern", "must match " + Slugs.PATTERN));
            } else {
                values.add(tag.asText());
            }
        }
        return List.copyOf(values);
    }
}
