package dev.annals.registry.asyncapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.config.AnnalsConfig;
import dev.annals.registry.EventTypeRegistry;
import dev.annals.registry.RegisteredVersion;
import dev.annals.registry.TypeHead;
import dev.annals.registry.VersionPaths;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

/** Builds the live AsyncAPI document of the events topic from what the registry holds now. */
@ApplicationScoped
public class AsyncApiDocuments {
    /** The envelope schema, shipped on the class path from openapi/schemas (see the pom's resources). */
    static final String ENVELOPE_RESOURCE = "schemas/published-event.schema.json";

    private final EventTypeRegistry registry;
    private final ObjectMapper mapper;
    private final AnnalsConfig config;
    private final JsonNode envelope;

    public AsyncApiDocuments(EventTypeRegistry registry, ObjectMapper mapper, AnnalsConfig config) {
        this.registry = registry;
        this.mapper = mapper;
        this.config = config;
        this.envelope = InlinedSchemas.inline(load(mapper), "/components/schemas/publishedEvent");
    }

    /** The document as JSON: types by name, versions ascending, so the same registry gives the same bytes. */
    public String json() {
        try {
            return mapper.writeValueAsString(document());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the AsyncAPI document cannot be written", e);
        }
    }

    /** The document as a tree. */
    public ObjectNode document() {
        ObjectNode document = AsyncApiSkeleton.create(mapper, config.topic().name());
        ((ObjectNode) document.path("components").path("schemas")).set("publishedEvent", envelope.deepCopy());
        String base = config.cloudevents().dataschemaBase();
        List<TypeHead> heads = registry.heads().stream()
                .sorted(Comparator.comparing(TypeHead::type))
                .toList();
        for (TypeHead head : heads) {
            for (int n = 1; n <= head.latestVersion(); n++) {
                int version = n;
                RegisteredVersion found = registry.version(head.type(), version)
                        .orElseThrow(() ->
                                new IllegalStateException("registry version missing: " + head.type() + "/" + version));
                EventMessages.add(document, head, found, base + VersionPaths.of(head.type(), version));
            }
        }
        return document;
    }

    private static JsonNode load(ObjectMapper mapper) {
        try (InputStream in = AsyncApiDocuments.class.getClassLoader().getResourceAsStream(ENVELOPE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ENVELOPE_RESOURCE + " is not on the class path");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(ENVELOPE_RESOURCE + " cannot be read", e);
        }
    }
}
