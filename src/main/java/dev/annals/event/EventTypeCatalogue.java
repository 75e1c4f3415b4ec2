package dev.annals.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The event-type catalogue, read once from {@code schemas/event-types/}: {@code index.json} lists the types, each
 * type's {@code <type>.schema.json} is the single source of its data schema.
 */
@ApplicationScoped
public class EventTypeCatalogue {
    static final String DIRECTORY = "schemas/event-types/";

    private final Map<String, EventType> types;

    public EventTypeCatalogue(ObjectMapper mapper) {
        Map<String, EventType> loaded = new LinkedHashMap<>();
        for (JsonNode name : JsonSchemas.read(mapper, DIRECTORY + "index.json")) {
            String type = name.asText();
            JsonNode document = JsonSchemas.read(mapper, DIRECTORY + type + ".schema.json");
            loaded.put(
                    type,
                    new EventType(
                            type,
                            document.path("title").asText(type),
                            document.path("description").asText(""),
                            document,
                            JsonSchemas.compile(document)));
        }
        this.types = Collections.unmodifiableMap(loaded);
    }

    public Collection<EventType> all() {
        return types.values();
    }

    public Optional<EventType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }
}
