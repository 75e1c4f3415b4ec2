package dev.annals.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.annals.error.FieldError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Data schemas as users register them: checked against the JSON Schema 2020-12 meta-schema, refused when they
 * reference anything outside themselves, and compiled by a validator that never loads a resource.
 */
public final class DataSchemas {
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef");
    /** Keywords whose values are instances, not schemas: a "$ref" inside them is data. */
    private static final Set<String> INSTANCE_KEYWORDS = Set.of("const", "default", "enum", "examples");

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaCacheEnabled(false)
                    .schemaLoader(loader -> loader.fetchRemoteResources(false))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .build()));
    private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(DIALECT));

    private DataSchemas() {}

    /** Every reason the document cannot be a data schema, pointers prefixed with {@code at}; empty when it can. */
    public static List<FieldError> problems(String at, JsonNode document) {
        List<FieldError> problems = new ArrayList<>();
        if (document == null || !document.isObject()) {
            problems.add(FieldError.pointer(at, "type", "a data schema is a JSON object (a JSON Schema 2020-12)"));
            return problems;
        }
        JsonNode dialect = document.get("$schema");
        if (dialect != null
                && !(dialect.isTextual() && DIALECT.equals(dialect.asText().replaceAll("#$", "")))) {
            problems.add(FieldError.pointer(at + "/$schema", "dialect", "only " + DIALECT + " is supported"));
        }
        if (!"object".equals(document.path("type").asText())) {
            problems.add(FieldError.pointer(
                    at + "/type", "const", "the data of an event is an object: the schema needs \"type\": \"object\""));
        }
        for (Error error : META_SCHEMA.validate(document)) {
            problems.add(FieldError.pointer(
                    at + location(error), "metaSchema", "not a valid JSON Schema 2020-12: " + error.getMessage()));
        }
        references(at, document, problems);
        return problems;
    }

    /** Compiles a document that passed {@link #problems}. */
    public static Schema compile(JsonNode document) {
        return REGISTRY.getSchema(document);
    }

    /** Errors of an instance against a compiled schema, as field errors under {@code at}. */
    public static List<FieldError> errors(String at, List<Error> errors) {
        List<FieldError> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String field = at + location(error);
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                field = field + "/" + error.getProperty();
            }
            result.add(FieldError.pointer(field, error.getKeyword(), error.getMessage()));
        }
        return result;
    }

    private static String location(Error error) {
        return error.getInstanceLocation() == null
                ? ""
                : error.getInstanceLocation().toString();
    }

    private static void references(String at, JsonNode node, List<FieldError> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                references(at + "/" + i, node.get(i), problems);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String pointer = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (REFERENCES.contains(field.getKey()) && field.getValue().isTextual()) {
                if (!field.getValue().asText().startsWith("#")) {
                    problems.add(FieldError.pointer(
                            pointer,
                            "localReference",
                            "only references inside the schema (\"#...\") are allowed, not "
                                    + field.getValue().asText()));
                }
            } else if ("$vocabulary".equals(field.getKey())) {
                problems.add(FieldError.pointer(pointer, "vocabulary", "a data schema cannot declare vocabularies"));
            } else if (!INSTANCE_KEYWORDS.contains(field.getKey())) {
                references(pointer, field.getValue(), problems);
            }
        }
    }
}
