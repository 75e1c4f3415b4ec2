package dev.annals.registry.compat;

import static dev.annals.registry.compat.Schemas.found;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in event type's data schema is compatible with itself and not with a broken copy of itself. */
class BackwardCompatibilityBuiltInSchemasTest {
    private static final Path DIRECTORY = Path.of("openapi/schemas/event-types");
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> schemas() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files
                    .filter(file -> file.getFileName().toString().endsWith(".schema.json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static ObjectNode read(Path file) throws IOException {
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    @Test
    void everyTypeOfTheCatalogueHasASchema() throws IOException {
        JsonNode index = JSON.readTree(DIRECTORY.resolve("index.json").toFile());
        assertTrue(index.size() >= 11, "index.json lists the built-in types");
        assertEquals(index.size(), schemas().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void isCompatibleWithItself(Path file) throws IOException {
        assertEquals(List.of(), found(read(file), read(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void isCompatibleWithARelaxedCopy(Path file) throws IOException {
        ObjectNode relaxed = read(file);
        relaxed.remove(List.of("required", "additionalProperties"));
        relaxed.with("properties").forEach(property -> {
            if (property instanceof ObjectNode schema) {
                schema.remove(List.of("maxLength", "maxItems", "pattern", "format"));
            }
        });
        assertEquals(List.of(), found(read(file), relaxed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void isIncompatibleWithABrokenCopy(Path file) throws IOException {
        ObjectNode previous = read(file);
        List<String> names = new ArrayList<>();
        previous.get("properties").fieldNames().forEachRemaining(names::add);
        assertFalse(names.isEmpty(), "a data schema declares its properties");
        ObjectNode next = read(file);
        String removed = names.get(0);
        String closed = names.get(names.size() - 1);
        next.with("properties").remove(removed);
        next.with("properties").put(closed, false);
        next.put("type", "array");

        List<String> expected =
                new ArrayList<>(List.of("/type typeNarrowed", "/properties/" + removed + " propertyRemoved"));
        if (!closed.equals(removed)) {
            expected.add("/properties/" + closed + " schemaClosed");
        }
        assertEquals(expected, found(previous, next));
    }
}
