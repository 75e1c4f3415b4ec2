package dev.annals.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Schema;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.event.JsonSchemas;
import dev.annals.event.JsonText;
import dev.annals.registry.upcast.InvalidUpcast;
import dev.annals.registry.upcast.Upcast;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks a definition on its own: 400 when the body is not shaped like one, 422 when its schema is not a usable
 * data schema, an example fails it or the upcast is not a list of JSON Patch operations.
 */
final class DefinitionCheck {
    static final int MAX_EXAMPLES = 20;
    /** Every append and every projected record is validated against it: it stays small. */
    static final int MAX_SCHEMA_CHARS = 256 * 1024;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private DefinitionCheck() {}

    static CheckedDefinition check(ObjectMapper mapper, EventTypeDefinition definition) {
        shape(definition);
        List<FieldError> problems = new ArrayList<>(DataSchemas.problems("/schema", definition.schema()));
        problems.addAll(JsonText.nulCharacters("/schema", definition.schema()));
        Upcast upcast = Upcast.NONE;
        try {
            upcast = Upcast.parse(definition.upcast());
        } catch (InvalidUpcast e) {
            e.problems().forEach(p -> problems.add(FieldError.pointer("/upcast" + p.pointer(), p.rule(), p.detail())));
        }
        if (!problems.isEmpty()) {
            throw ProblemType.INVALID_EVENT_TYPE.exception(
                    problems.size() + " rule(s) of an event-type definition broken; nothing was registered", problems);
        }
        Schema validator = DataSchemas.compile(definition.schema());
        JsonNode examples =
                definition.examples() == null ? JsonNodeFactory.instance.arrayNode() : definition.examples();
        for (int i = 0; i < examples.size(); i++) {
            problems.addAll(JsonSchemas.errors("/examples/" + i, validator.validate(examples.get(i))));
        }
        if (!problems.isEmpty()) {
            throw ProblemType.INVALID_EVENT_TYPE.exception(
                    "An example does not satisfy the schema; nothing was registered", problems);
        }
        String schemaText = text(mapper, definition.schema());
        String examplesText = text(mapper, examples);
        String upcastText = upcast.isEmpty() ? null : text(mapper, upcast.operations());
        return new CheckedDefinition(
                definition.title().strip(),
                definition.description() == null ? "" : definition.description().strip(),
                definition.schema(),
                schemaText,
                examples,
                examplesText,
                upcast,
                upcastText,
                hash(definition.schema(), examples, upcast.isEmpty() ? null : upcast.operations()),
                validator);
    }

    private static void shape(EventTypeDefinition d) {
        List<FieldError> problems = new ArrayList<>();
        if (d.title() == null || d.title().isBlank()) {
            problems.add(FieldError.pointer("/title", "required", "a title is required"));
        } else if (d.title().length() > 200) {
            problems.add(FieldError.pointer("/title", "maxLength", "at most 200 characters"));
        }
        if (d.description() != null && d.description().length() > 2000) {
            problems.add(FieldError.pointer("/description", "maxLength", "at most 2000 characters"));
        }
        if (d.schema() == null || d.schema().isNull()) {
            problems.add(FieldError.pointer("/schema", "required", "the JSON Schema of the data is required"));
        } else if (d.schema().toString().length() > MAX_SCHEMA_CHARS) {
            problems.add(FieldError.pointer(
                    "/schema", "maxBytes", "a data schema is at most " + MAX_SCHEMA_CHARS + " characters as JSON"));
        }
        if (d.examples() != null && !d.examples().isArray()) {
            problems.add(FieldError.pointer("/examples", "type", "examples are a JSON array of data objects"));
        } else if (d.examples() != null && d.examples().size() > MAX_EXAMPLES) {
            problems.add(FieldError.pointer("/examples", "maxItems", "at most " + MAX_EXAMPLES + " examples"));
        }
        if (!problems.isEmpty()) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "The body is not an event-type definition; nothing was registered", problems);
        }
    }

    private static String text(ObjectMapper mapper, JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    /** SHA-256 of schema, examples and upcast with sorted keys: the same definition sent again has the same hash. */
    static String hash(JsonNode schema, JsonNode examples, JsonNode upcast) {
        try {
            Object canonical = CANONICAL.convertValue(
                    Map.of("schema", schema, "examples", examples, "upcast", upcast == null ? List.of() : upcast),
                    Object.class);
            byte[] bytes = CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a definition", e);
        }
    }
}
