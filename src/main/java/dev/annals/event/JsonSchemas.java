package dev.annals.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import dev.annals.error.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads and compiles the JSON Schemas shipped under {@code schemas/} (copied from openapi/schemas). */
public final class JsonSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .pathType(PathType.JSON_POINTER)
                    .build()));

    private JsonSchemas() {}

    /** Reads a JSON document from the class path, failing loudly: a missing schema is a packaging bug. */
    public static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class-path resource " + resource);
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable class-path resource " + resource, e);
        }
    }

    public static Schema compile(JsonNode schemaDocument) {
        return REGISTRY.getSchema(schemaDocument);
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
}
