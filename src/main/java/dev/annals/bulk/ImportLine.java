package dev.annals.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.append.AppendValidator;
import dev.annals.append.NewEvent;
import dev.annals.config.AppendConfig;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemException;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Turns one NDJSON line into an event to append, by the rules of the JSON append ({@link AppendValidator}, the
 * same parser limits and duplicate-key check). The fields only an answer carries (timelineId, sequence,
 * recordedAt, recordedBy, writtenTypeVersion and the correction marks) are ignored, so an exported line imports
 * as it is; a retracted event is refused. An event without id gets a name-based one (timeline and content),
 * and with {@code deriveIds} every id is derived from the timeline and the id sent: a file sent again adds nothing.
 */
final class ImportLine {
    static final List<String> ANSWER_ONLY = List.of(
            "timelineId",
            "sequence",
            "recordedAt",
            "recordedBy",
            "writtenTypeVersion",
            "corrected",
            "correctedAt",
            "revisions",
            "retracted",
            "retractedAt",
            "retractionReason");

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** A line read: the event to append, or the rules it broke (pointers relative to the line's event). */
    record Read(NewEvent event, List<FieldError> errors) {}

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    private final AppendValidator validator;

    ImportLine(ObjectMapper mapper, AppendConfig config, AppendValidator validator) {
        this.mapper = mapper;
        this.validator = validator;
        AppendConfig.Json json = config.json();
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(json.maxNestingDepth())
                        .maxStringLength(json.maxStringLength())
                        .maxNumberLength(json.maxNumberLength())
                        .maxNameLength(json.maxNameLength())
                        .maxTokenCount(json.maxTokens())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    Read read(String timelineId, byte[] line, boolean deriveIds) {
        JsonNode node;
        try (JsonParser parser = factory.createParser(line)) {
            node = mapper.readTree(parser);
            if (node != null && parser.nextToken() != null) {
                return refused("json", "unexpected content after the event: one JSON object per line");
            }
        } catch (IOException e) {
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage()
                    : e.getMessage();
            return refused("json", "not well-formed JSON: " + message);
        }
        if (!(node instanceof ObjectNode event)) {
            return refused("type", "each line must be one JSON object, an event");
        }
        if (event.path("retracted").asBoolean(false)) {
            return refused("retracted", "a retracted event is not imported (export without include=retracted)");
        }
        event.remove(ANSWER_ONLY);
        JsonNode id = event.get("id");
        if (id == null || id.isNull()) {
            event.put(
                    "id", NameBasedIds.of(timelineId + "\n" + canonical(event)).toString());
        } else if (deriveIds && id.isTextual() && isUuid(id.asText())) {
            event.put(
                    "id",
                    NameBasedIds.of(timelineId + "\n" + id.asText().toLowerCase())
                            .toString());
        }
        try {
            List<NewEvent> valid = validator.validate(mapper.createArrayNode().add(event));
            return new Read(valid.get(0), List.of());
        } catch (ProblemException e) {
            List<FieldError> errors = e.problem().errors() == null
                            || e.problem().errors().isEmpty()
                    ? List.of(FieldError.pointer("", "invalid", e.problem().detail()))
                    : e.problem().errors();
            return new Read(
                    null,
                    errors.stream()
                            .map(f -> FieldError.pointer(relative(f.pointer()), f.rule(), f.detail()))
                            .toList());
        }
    }

    private static Read refused(String rule, String detail) {
        return new Read(null, List.of(FieldError.pointer("", rule, detail)));
    }

    /** "/0/occurredAt" (in the one-event batch validated) is "/occurredAt" of the line. */
    private static String relative(String pointer) {
        if (pointer == null || pointer.equals("/0")) {
            return "";
        }
        return pointer.startsWith("/0/") ? pointer.substring(2) : pointer;
    }

    private static String canonical(JsonNode event) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.convertValue(event, Object.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
