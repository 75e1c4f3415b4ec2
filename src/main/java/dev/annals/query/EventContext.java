package dev.annals.query;

import dev.annals.event.TimelineEvent;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event with its neighbours on its timeline, in timeline order. */
@Schema(name = "EventContext", description = "An event with its neighbours on its timeline, in timeline order.")
public record EventContext(
        @Schema(description = "Up to `before` events just before it, oldest first.", required = true)
        List<TimelineEvent> before,

        @Schema(required = true) TimelineEvent event,

        @Schema(description = "Up to `after` events just after it, oldest first.", required = true)
        List<TimelineEvent> after) {
    public EventContext {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
