package dev.annals.correction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An event as its corrections and retraction leave it: the current JSON, how many corrections were applied, and
 * whether it is retracted. The rules every reader applies, the projection and the append checks alike.
 */
public record EventState(ObjectNode event, int revisions, boolean retracted) {

    /** A change to an event: its kind and the change event's data. */
    public record Change(ChangeKind kind, JsonNode data) {}

    public static EventState original(ObjectNode event) {
        return new EventState(event, 0, false);
    }

    /** The state after {@code change}; a change to a retracted event is ignored (append checks refuse it). */
    public EventState then(Change change) {
        if (retracted) {
            return this;
        }
        return switch (change.kind()) {
            case CORRECTED ->
                new EventState(Correctable.apply(event, change.data().get("changes")), revisions + 1, false);
            case RETRACTED -> new EventState(event, revisions, true);
        };
    }

    /** The state after every change, in order. */
    public EventState then(List<Change> changes) {
        EventState state = this;
        for (Change change : changes) {
            state = state.then(change);
        }
        return state;
    }
}
