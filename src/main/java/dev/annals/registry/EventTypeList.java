package dev.annals.registry;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of registered types, by name. */
@Schema(name = "EventTypeList", description = "Registered event types by name, a page at a time.")
public record EventTypeList(
        @Schema(required = true) List<EventTypeSummary> items,

        @Schema(description = "Cursor of the next page; absent on the last page.")
        String nextCursor) {}
