package dev.annals.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.config.RegistryConfig;
import dev.annals.error.DatabaseException;
import dev.annals.event.JsonSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Registers the configured packs: each type of a pack that the registry does not have yet becomes its version 1,
 * through the same registration as a PUT. A type already registered is left as it is, whatever its file says now:
 * from then on the registry, not the file, is the truth. {@link RegistryRefresher} runs it at start, and again
 * until it succeeds when the database was not reachable.
 */
@ApplicationScoped
public class SeedPacks {
    private static final Logger LOG = Logger.getLogger(SeedPacks.class);

    private final Registration registration;
    private final RegistryConfig config;
    private final ObjectMapper mapper;

    public SeedPacks(Registration registration, RegistryConfig config, ObjectMapper mapper) {
        this.registration = registration;
        this.config = config;
        this.mapper = mapper;
    }

    /** Whether every pack is registered; false (logged) when the database could not be reached. */
    boolean tryLoad() {
        try {
            load();
            return true;
        } catch (DatabaseException e) {
            LOG.warnf("event-type packs not registered yet (%s); trying again shortly", e.getMessage());
            return false;
        }
    }

    private void load() {
        for (String pack : config.packs()) {
            String folder = pack.endsWith("/") ? pack : pack + "/";
            int added = 0;
            for (JsonNode name : JsonSchemas.read(mapper, folder + "index.json")) {
                String type = name.asText();
                JsonNode schema = JsonSchemas.read(mapper, folder + type + ".schema.json");
                if (registration.registerIfAbsent(type, definition(schema)).isPresent()) {
                    added++;
                }
            }
            LOG.infof("event-type pack %s: %d type(s) registered", pack, added);
        }
    }

    /** A pack file is a data schema with its title, description and examples inside, as JSON Schema has them. */
    static EventTypeDefinition definition(JsonNode schema) {
        return new EventTypeDefinition(
                schema.path("title").asText(),
                schema.path("description").asText(""),
                schema,
                schema.has("examples") ? schema.get("examples") : null,
                null);
    }
}
