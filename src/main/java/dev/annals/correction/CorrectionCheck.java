package dev.annals.correction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.append.AppendValidator;
import dev.annals.append.NewEvent;
import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * Checks the corrections and retractions of an append against the journal: the event named exists in the same
 * timeline and is not retracted, a correction changes something and leaves the event valid. A change naming a
 * change is bound to that change's event (its {@code eventId} rewritten), so every stored change names the event
 * it changes. The answer carries the timeline version the checks saw: appending with it as the expected version
 * makes the checks and the append one atomic step.
 */
@ApplicationScoped
public class CorrectionCheck {
    private final JournalTargets targets;
    private final AppendValidator validator;
    private final ObjectMapper mapper;

    CorrectionCheck(JournalTargets targets, AppendValidator validator, ObjectMapper mapper) {
        this.targets = targets;
        this.validator = validator;
        this.mapper = mapper;
    }

    /** The events to append, and the timeline version the checks hold for (empty: no change to check). */
    public record Checked(List<NewEvent> events, OptionalLong version) {}

    public Checked check(String timelineId, List<NewEvent> events) {
        if (events.stream().noneMatch(e -> ChangeKind.of(e.type()).isPresent())) {
            return new Checked(events, OptionalLong.empty());
        }
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> own = new HashSet<>();
        List<UUID> named = new ArrayList<>();
        UUID[] names = new UUID[events.size()];
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            if (event.id() != null) {
                own.add(event.id());
            }
            if (ChangeKind.of(event.type()).isPresent()) {
                names[i] = eventId(i, event, errors);
                if (names[i] != null) {
                    named.add(names[i]);
                }
            }
        }
        JournalTargets.Snapshot snapshot = targets.read(timelineId, named, own);
        Map<UUID, EventState> states = new HashMap<>();
        Map<UUID, UUID> roots = new HashMap<>();
        List<NewEvent> checked = new ArrayList<>(events);
        for (int i = 0; i < events.size(); i++) {
            NewEvent event = events.get(i);
            Optional<ChangeKind> kind = ChangeKind.of(event.type());
            if (kind.isEmpty()) {
                if (event.id() != null) {
                    states.put(event.id(), EventState.original(mapper.valueToTree(event.withDefaults())));
                }
                continue;
            }
            if (names[i] == null) {
                continue;
            }
            if (kind.get() == ChangeKind.RETRACTED && namesAChange(names[i], snapshot, roots)) {
                errors.add(new FieldError(
                        "/" + i + "/data/eventId",
                        "namesAnEvent",
                        "a retraction names the event it retracts, not a correction or retraction of it"));
                continue;
            }
            UUID root = root(i, timelineId, names[i], snapshot, states, roots, errors);
            if (root == null) {
                continue;
            }
            EventState state = states.computeIfAbsent(root, r -> stored(snapshot, r));
            if (state.retracted()) {
                errors.add(new FieldError(
                        "/" + i + "/data/eventId",
                        "notRetracted",
                        "event " + root + " is retracted: it cannot change"));
                continue;
            }
            if (kind.get() == ChangeKind.CORRECTED && !correctionValid(i, state, event.data(), errors)) {
                continue;
            }
            states.put(root, state.then(new EventState.Change(kind.get(), event.data())));
            if (event.id() != null) {
                roots.put(event.id(), root);
            }
            if (!root.equals(names[i])) {
                ObjectNode data = event.data().deepCopy();
                data.put("eventId", root.toString());
                checked.set(i, event.withData(data));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemType.INVALID_EVENT.exception(
                    errors.size() + " correction rule(s) broken; nothing was stored", errors);
        }
        return new Checked(checked, OptionalLong.of(snapshot.version()));
    }

    private static UUID eventId(int i, NewEvent event, List<FieldError> errors) {
        try {
            return UUID.fromString(event.data().path("eventId").asText());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("/" + i + "/data/eventId", "format", "must be a UUID"));
            return null;
        }
    }

    /** The event a change naming {@code name} changes: the one named, or the event of the change named. */
    private static UUID root(
            int i,
            String timelineId,
            UUID name,
            JournalTargets.Snapshot snapshot,
            Map<UUID, EventState> states,
            Map<UUID, UUID> roots,
            List<FieldError> errors) {
        if (roots.containsKey(name)) {
            return roots.get(name);
        }
        if (states.containsKey(name)) {
            return name;
        }
        JournalTargets.Stored stored = snapshot.events().get(name);
        if (stored == null) {
            errors.add(new FieldError(
                    "/" + i + "/data/eventId", "knownEvent", "no event " + name + " in timeline " + timelineId));
            return null;
        }
        if (!stored.timelineId().equals(timelineId)) {
            errors.add(new FieldError(
                    "/" + i + "/data/eventId",
                    "sameTimeline",
                    "event " + name + " belongs to another timeline; append the change to that timeline"));
            return null;
        }
        UUID root = stored.subject() != null ? stored.subject() : name;
        if (!snapshot.events().containsKey(root)) {
            errors.add(new FieldError(
                    "/" + i + "/data/eventId", "knownEvent", "the event change " + name + " names is not stored"));
            return null;
        }
        return root;
    }

    private static boolean namesAChange(UUID name, JournalTargets.Snapshot snapshot, Map<UUID, UUID> roots) {
        JournalTargets.Stored stored = snapshot.events().get(name);
        return roots.containsKey(name) || stored != null && stored.subject() != null;
    }

    private static EventState stored(JournalTargets.Snapshot snapshot, UUID root) {
        List<EventState.Change> changes = snapshot.changes().getOrDefault(root, List.of()).stream()
                .map(c -> new EventState.Change(
                        ChangeKind.of(c.type()).orElseThrow(), c.event().get("data")))
                .toList();
        return EventState.original(snapshot.events().get(root).event()).then(changes);
    }

    private boolean correctionValid(int i, EventState state, JsonNode data, List<FieldError> errors) {
        JsonNode changes = data.get("changes");
        String at = "/" + i + "/data/changes";
        if (Correctable.changesNothing(state.event(), changes)) {
            errors.add(new FieldError(at, "changesSomething", "the correction leaves the event as it is"));
            return false;
        }
        ObjectNode corrected = Correctable.apply(state.event(), changes);
        List<FieldError> invalid = validator.stillValid(
                asWritten(corrected), corrected.path("typeVersion").asInt(1));
        invalid.forEach(error -> errors.add(new FieldError(at + error.pointer(), error.rule(), error.detail())));
        return invalid.isEmpty();
    }

    /** The corrected event as an append would send it, for the append's rules. */
    private static ObjectNode asWritten(ObjectNode corrected) {
        ObjectNode written = corrected.objectNode();
        for (String field : List.of("id", "type", "typeVersion")) {
            if (corrected.hasNonNull(field)) {
                written.set(field, corrected.get(field));
            }
        }
        written.setAll(Correctable.fields(corrected));
        if (!corrected.hasNonNull("summary")) {
            written.remove("summary");
        }
        return written;
    }
}
