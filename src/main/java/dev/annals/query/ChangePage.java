package dev.annals.query;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a timeline's change feed. */
@Schema(name = "ChangePage", description = "What changed in a timeline's current view, in the order it was recorded.")
public record ChangePage(
        @Schema(required = true) List<Change> items,

        @Schema(
                description = "Pass as since to continue: after the last item when more follow, else the last "
                        + "position the read model has processed for the timeline.",
                required = true)
        String next,

        @Schema(description = "Whether more changes follow right away.", required = true)
        boolean hasMore) {
    public ChangePage {
        items = List.copyOf(items);
    }
}
