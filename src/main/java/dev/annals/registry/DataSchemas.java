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
    /** Keywords whose value maps names (any names, "default" too) to schemas. */
    private static final Set<String> SCHEMA_MAPS =
            Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");
    /** The only resources the validator may load: the 2020-12 meta-schemas it ships with. */
    private static final String META_SCHEMAS = "https://json-schema.org/draft/2020-12/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaCacheEnabled(false)
                    .schemaLoader(loader -> loader.fetchRemoteResources(false)
                            .allow(iri -> iri.toString().startsWith(META_SCHEMAS)))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .pathType(PathType.JSON_POINTER)
                            .regularExpressionFactory(LinearPatterns.INSTANCE)
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

    private static String location(Error error) {
        return error.getInstanceLocation() == null
                ? ""
                : error.getInstanceLocation().toString();
    }

    /** Walks a schema keyword by keyword: references stay inside it, ids only at its root, patterns run by RE2. */
    private static void references(String at, JsonNode schema, List<FieldError> problems) {
        if (!schema.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            String pointer = at + "/" + escape(keyword);
            if (REFERENCES.contains(keyword)) {
                if (!value.isTextual() || !value.asText().startsWith("#")) {
                    problems.add(FieldError.pointer(
                            pointer,
                            "localReference",
                            "only references inside the schema (\"#...\") are allowed, not " + value));
                }
            } else if (keyword.equals("$id") && !at.equals("/schema")) {
                problems.add(FieldError.pointer(pointer, "rootId", "only the root of a data schema may have an $id"));
            } else if (keyword.equals("$vocabulary")) {
                problems.add(FieldError.pointer(pointer, "vocabulary", "a data schema cannot declare vocabularies"));
            } else if (keyword.equals("pattern") && value.isTextual()) {
                pattern(pointer, value.asText(), problems);
            } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> named = value.fields(); named.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = named.next();
                    String entryPointer = pointer + "/" + escape(entry.getKey());
                    if (keyword.equals("patternProperties")) {
                        pattern(entryPointer, entry.getKey(), problems);
                    }
                    references(entryPointer, entry.getValue(), problems);
                }
            } else if (!INSTANCE_KEYWORDS.contains(keyword)) {
                subschemas(pointer, value, problems);
            }
        }
    }

    /** The value of any other keyword: a schema, or an array of schemas ({@code allOf}, {@code prefixItems} ...). */
    private static void subschemas(String at, JsonNode value, List<FieldError> problems) {
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                references(at + "/" + i, value.get(i), problems);
            }
        } else {
            references(at, value, problems);
        }
    }

    private static void pattern(String at, String regex, List<FieldError> problems) {
        LinearPatterns.unsupported(regex)
                .ifPresent(reason -> problems.add(FieldError.pointer(
                        at,
                        "pattern",
                        "patterns run in linear time (RE2: no lookaround, no backreferences); " + reason)));
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
