package dev.annals.append;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Schema;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.event.JsonSchemas;
import dev.annals.event.JsonText;
import dev.annals.registry.EventTypeRegistry;
import dev.annals.registry.RegisteredVersion;
import dev.annals.registry.TypeHead;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an append body before anything is stored: 400 when it breaks the request contract (the envelope schema
 * {@code schemas/event.schema.json}), 413 when the batch is too large, 422 when an event is not valid for the
 * registry (unknown or deprecated type, unknown version, data failing that version's schema, an id used twice in
 * one batch). Each event is bound with the version its data was validated against.
 */
@ApplicationScoped
public class AppendValidator {
    private final ObjectMapper mapper;
    private final EventTypeRegistry registry;
    private final Schema envelope;
    private final int maxEvents;
    private final int maxEventBytes;

    public AppendValidator(ObjectMapper mapper, EventTypeRegistry registry, AnnalsConfig config) {
        this.mapper = mapper;
        this.registry = registry;
        this.envelope = JsonSchemas.compile(JsonSchemas.read(mapper, "schemas/event.schema.json"));
        this.maxEvents = config.append().maxEvents();
        this.maxEventBytes = config.append().maxEventBytes();
    }

    public List<NewEvent> validate(JsonNode body) {
        checkBatchShape(body);
        checkEventSizes(body);
        List<FieldError> contract = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            contract.addAll(JsonSchemas.errors("/" + i, envelope.validate(body.get(i))));
            contract.addAll(JsonText.nulCharacters("/" + i, body.get(i)));
            contract.addAll(ControlCharacters.errors("/" + i, body.get(i)));
            contract.addAll(OccurredAtRange.errors("/" + i, body.get(i)));
        }
        if (!contract.isEmpty()) {
            throw ProblemType.INVALID_REQUEST.exception(
                    contract.size() + " rule(s) of the event schema broken; nothing was stored", contract);
        }
        List<FieldError> semantic = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int[] versions = new int[body.size()];
        for (int i = 0; i < body.size(); i++) {
            JsonNode event = body.get(i);
            if (event.hasNonNull("id") && !ids.add(event.get("id").asText().toLowerCase())) {
                semantic.add(new FieldError("/" + i + "/id", "uniqueItems", "event id appears twice in this batch"));
            }
            Optional<RegisteredVersion> version = version(i, event, semantic);
            if (version.isPresent()) {
                versions[i] = version.get().version();
                JsonNode data = event.hasNonNull("data") ? event.get("data") : JsonNodeFactory.instance.objectNode();
                semantic.addAll(JsonSchemas.errors(
                        "/" + i + "/data", version.get().validator().validate(data)));
            }
        }
        if (!semantic.isEmpty()) {
            throw ProblemType.INVALID_EVENT.exception(
                    semantic.size() + " event rule(s) broken; nothing was stored", semantic);
        }
        List<NewEvent> bound = bind(body);
        List<NewEvent> validated = new ArrayList<>(bound.size());
        for (int i = 0; i < bound.size(); i++) {
            validated.add(bound.get(i).withTypeVersion(versions[i]));
        }
        return validated;
    }

    /**
     * The rules a corrected event must still satisfy, as an event of an append: the envelope schema and its
     * checks, and its data against {@code version} of its type (the one it was written under); pointers are
     * relative to the event.
     */
    public List<FieldError> stillValid(JsonNode event, int version) {
        List<FieldError> errors = new ArrayList<>();
        errors.addAll(JsonSchemas.errors("", envelope.validate(event)));
        errors.addAll(JsonText.nulCharacters("", event));
        errors.addAll(ControlCharacters.errors("", event));
        errors.addAll(OccurredAtRange.errors("", event));
        if (errors.isEmpty()) {
            registry.version(event.get("type").asText(), version)
                    .ifPresent(v -> errors.addAll(
                            JsonSchemas.errors("/data", v.validator().validate(event.get("data")))));
        }
        return errors;
    }

    /** The version event i is validated against: the one it names, else its type's latest; a field error if none. */
    private Optional<RegisteredVersion> version(int i, JsonNode event, List<FieldError> errors) {
        String type = event.get("type").asText();
        Optional<TypeHead> head = registry.head(type);
        if (head.isEmpty()) {
            errors.add(new FieldError(
                    "/" + i + "/type", "knownType", "unknown event type '" + type + "'; see GET /v1/event-types"));
            return Optional.empty();
        }
        if (head.get().deprecated()) {
            errors.add(new FieldError(
                    "/" + i + "/type",
                    "deprecatedType",
                    "event type '" + type + "' is deprecated: events of it are no longer accepted"));
            return Optional.empty();
        }
        // a version newer than this instance's head may have been registered elsewhere: versions are looked up
        int named = event.path("typeVersion").asInt(head.get().latestVersion());
        Optional<RegisteredVersion> version = registry.version(type, named);
        if (version.isEmpty()) {
            errors.add(new FieldError(
                    "/" + i + "/typeVersion",
                    "knownVersion",
                    "event type '" + type + "' has versions 1 to " + head.get().latestVersion()));
        }
        return version;
    }

    private void checkBatchShape(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "The body must be a JSON array of events",
                    List.of(new FieldError("", "type", "expected a JSON array of 1.." + maxEvents + " events")));
        }
        if (body.isEmpty()) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "The batch is empty", List.of(new FieldError("", "minItems", "at least one event is required")));
        }
        if (body.size() > maxEvents) {
            throw ProblemType.BATCH_TOO_LARGE.exception(
                    body.size() + " events sent, at most " + maxEvents + " per append",
                    List.of(new FieldError("", "maxItems", "at most " + maxEvents + " events")));
        }
    }

    private void checkEventSizes(JsonNode body) {
        List<FieldError> tooLarge = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            int bytes = body.get(i).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > maxEventBytes) {
                tooLarge.add(new FieldError(
                        "/" + i,
                        "maxBytes",
                        "the event is " + bytes + " bytes as JSON, at most " + maxEventBytes + " are accepted"));
            }
        }
        if (!tooLarge.isEmpty()) {
            throw ProblemType.EVENT_TOO_LARGE.exception(
                    tooLarge.size() + " event(s) too large; nothing was stored", tooLarge);
        }
    }

    private List<NewEvent> bind(JsonNode body) {
        List<NewEvent> events = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            try {
                events.add(mapper.treeToValue(body.get(i), NewEvent.class));
            } catch (JsonProcessingException e) {
                throw ProblemType.INVALID_REQUEST.exception(
                        "Event " + i + " cannot be read",
                        List.of(new FieldError("/" + i, "type", e.getOriginalMessage())));
            }
        }
        return events;
    }
}
