package dev.annals.registry.compat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;

/** Schemas written with single quotes, and changes reduced to what the rules promise: pointer and rule. */
final class Schemas {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private Schemas() {}

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each change as {@code pointer rule}. */
    static List<String> found(String previous, String next) {
        return found(json(previous), json(next));
    }

    static List<String> found(JsonNode previous, JsonNode next) {
        return BackwardCompatibility.check(previous, next).stream()
                .map(change -> change.pointer() + " " + change.rule())
                .toList();
    }
}
