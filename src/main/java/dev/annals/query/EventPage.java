package dev.annals.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.annals.event.TimelineEvent;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of query results, in the list shape every list endpoint answers with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A page of matching events.")
public record EventPage(
        @Schema(required = true) List<TimelineEvent> items,

        @Schema(description = "Pass as cursor to get the next page; absent on the last page.")
        String nextCursor) {}
