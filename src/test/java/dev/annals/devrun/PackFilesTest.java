package dev.annals.devrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pack files become PUT bodies; and they keep the layout the compose seed's shell extraction relies on. */
class PackFilesTest {
    private static final Path PACKS = Path.of("src/main/resources/packs");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void findsThePacksAndReadsEachTypeInIndexOrder() throws Exception {
        List<Path> packs = PackFiles.packs(PACKS);
        assertTrue(packs.contains(PACKS.resolve("court-case")), packs.toString());
        List<PackType> types = PackFiles.read(PACKS.resolve("court-case"));
        JsonNode index = MAPPER.readTree(PACKS.resolve("court-case/index.json").toFile());
        assertEquals(index.size(), types.size());
        for (int i = 0; i < types.size(); i++) {
            PackType type = types.get(i);
            assertEquals(index.get(i).asText(), type.type());
            JsonNode body = MAPPER.readTree(type.definition());
            JsonNode schema = body.get("schema");
            assertEquals(schema.get("title"), body.get("title"));
            assertEquals(schema.get("description"), body.get("description"));
            assertEquals(schema.get("examples"), body.get("examples"));
            assertEquals(
                    "https://annals.dev/schemas/event-types/" + type.type() + "/v1.json",
                    schema.get("$id").asText());
        }
    }

    @Test
    void aSchemaWithoutExamplesGivesABodyWithoutExamples(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("index.json"), "[\"bare\"]");
        Files.writeString(dir.resolve("bare.schema.json"), "{\"title\": \"Bare\", \"type\": \"object\"}");
        JsonNode body = MAPPER.readTree(PackFiles.read(dir).get(0).definition());
        assertEquals("Bare", body.get("title").asText());
        assertEquals("", body.get("description").asText());
        assertFalse(body.has("examples"));
        assertEquals(List.of(), PackFiles.packs(dir.resolve("missing")));
    }

    /** docker/compose.yaml's seed has only sh and sed: it cuts title, description and examples out by line. */
    @Test
    void everyPackFileKeepsTheLayoutTheComposeSeedCutsFrom() throws Exception {
        for (Path pack : PackFiles.packs(PACKS)) {
            for (PackType type : PackFiles.read(pack)) {
                String text = Files.readString(pack.resolve(type.type() + ".schema.json"));
                JsonNode schema = MAPPER.readTree(text);
                assertEquals(1, count(text, "(?m)^  \"title\": \".*\",$"), type.type() + ": one title line");
                assertEquals(
                        1, count(text, "(?m)^  \"description\": \".*\",$"), type.type() + ": one description line");
                assertTrue(
                        text.matches("(?s).*\n  \"examples\": \\[\n.*\n  \\]\n}\n"), type.type() + ": examples last");
                List<String> names = iterable(schema);
                assertEquals("examples", names.get(names.size() - 1));
            }
        }
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    private static List<String> iterable(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
