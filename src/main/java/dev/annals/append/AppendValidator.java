package dev.annals.append;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.annals.config.AnnalsConfig;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.event.EventType;
import dev.annals.event.EventTypeCatalogue;
import dev.annals.event.JsonSchemas;
import dev.annals.event.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an append body before anything is stored: 400 when it breaks the request contract (the envelope schema
 * {@code schemas/event.schema.json}), 413 when the batch is too large, 422 when an event is not valid for the
 * catalogue (unknown type, data failing its type's schema, an id used twice in one batch).
 */
@ApplicationScoped
public class AppendValidator {
    private final ObjectMapper mapper;
    private final EventTypeCatalogue catalogue;
    private final Schema envelope;
    private final int maxEvents;
    private final int maxEventBytes;

    public AppendValidator(ObjectMapper mapper, EventTypeCatalogue catalogue, AnnalsConfig config) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.envelope = JsonSchemas.compile(JsonSchemas.read(mapper, "schemas/event.schema.json"));
        this.maxEvents = config.append().maxEvents();
        this.maxEventBytes = config.append().maxEventBytes();
    }

    public List<NewEvent> validate(JsonNode body) {
        checkBatchShape(body);
        checkEventSizes(body);
        List<FieldError> contract = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            contract.addAll(errors("/" + i, envelope.validate(body.get(i))));
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
        for (int i = 0; i < body.size(); i++) {
            JsonNode event = body.get(i);
            if (event.hasNonNull("id") && !ids.add(event.get("id").asText().toLowerCase())) {
                semantic.add(new FieldError("/" + i + "/id", "uniqueItems", "event id appears twice in this batch"));
            }
            String type = event.get("type").asText();
            Optional<EventType> known = catalogue.find(type);
            if (known.isEmpty()) {
                semantic.add(new FieldError(
                        "/" + i + "/type", "knownType", "unknown event type '" + type + "'; see GET /v1/event-types"));
                continue;
            }
            JsonNode data = event.hasNonNull("data") ? event.get("data") : JsonNodeFactory.instance.objectNode();
            semantic.addAll(errors("/" + i + "/data", known.get().schema().validate(data)));
        }
        if (!semantic.isEmpty()) {
            throw ProblemType.INVALID_EVENT.exception(
                    semantic.size() + " event rule(s) broken; nothing was stored", semantic);
        }
        return bind(body);
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

    private static List<FieldError> errors(String prefix, List<Error> errors) {
        List<FieldError> result = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String location = error.getInstanceLocation() == null
                    ? ""
                    : error.getInstanceLocation().toString();
            String field = prefix + location;
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                field = field + "/" + error.getProperty();
            }
            result.add(new FieldError(field, error.getKeyword(), error.getMessage()));
        }
        return result;
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
