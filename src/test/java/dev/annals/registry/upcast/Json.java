package dev.annals.registry.upcast;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON for the upcast tests: inline with single quotes, or a fixture under src/test/resources/upcast. */
final class Json {
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private Json() {}

    /** Parses {@code text}, where ' may stand for ". */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the fixture {@code upcast/<name>}. */
    static JsonNode fixture(String name) {
        try (InputStream in = Json.class.getResourceAsStream("/upcast/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture upcast/" + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses an upcast that the test expects to be valid. */
    static Upcast upcast(String operations) {
        try {
            return Upcast.parse(json(operations));
        } catch (InvalidUpcast e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
