package dev.annals.correction;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Every version of an event, in the order they were recorded. */
@Schema(name = "EventHistory", description = "Every version of an event, in the order they were recorded.")
public record EventHistory(
        @Schema(required = true) UUID eventId,
        @Schema(required = true) String timelineId,
        @Schema(required = true) List<HistoryEntry> entries) {
    public EventHistory {
        entries = List.copyOf(entries);
    }
}
