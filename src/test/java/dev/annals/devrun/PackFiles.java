package dev.annals.devrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads event-type packs from disk, in the format of {@code openapi/schemas/event-types}: an {@code index.json}
 * listing the type names in order, and one {@code <type>.schema.json} per type whose title, description and
 * examples are the definition's, as the app's own SeedPacks reads them.
 */
public final class PackFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PackFiles() {}

    /** The folders under {@code root} that hold an {@code index.json}, by name; none when root is missing. */
    public static List<Path> packs(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(root)) {
            return list.filter(p -> Files.isRegularFile(p.resolve("index.json")))
                    .sorted()
                    .toList();
        }
    }

    /** Every type of the pack in {@code packDir}, in index order, with its PUT body. */
    public static List<PackType> read(Path packDir) throws IOException {
        JsonNode index = MAPPER.readTree(packDir.resolve("index.json").toFile());
        if (!index.isArray()) {
            throw new IOException(packDir.resolve("index.json") + " is not a JSON array of type names");
        }
        List<PackType> types = new ArrayList<>();
        for (JsonNode name : index) {
            String type = name.asText();
            JsonNode schema =
                    MAPPER.readTree(packDir.resolve(type + ".schema.json").toFile());
            types.add(new PackType(type, MAPPER.writeValueAsString(definition(schema))));
        }
        return types;
    }

    /** {@code {title, description, schema, examples}} of a pack file; examples only when the schema has some. */
    public static ObjectNode definition(JsonNode schema) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("title", schema.path("title").asText());
        body.put("description", schema.path("description").asText(""));
        body.set("schema", schema);
        if (schema.has("examples")) {
            body.set("examples", schema.get("examples"));
        }
        return body;
    }
}
