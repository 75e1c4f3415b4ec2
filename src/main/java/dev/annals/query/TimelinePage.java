package dev.annals.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of timelines, in the list shape every list endpoint answers with. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A page of timelines, ordered by id.")
public record TimelinePage(
        @Schema(required = true) List<TimelineListItem> items,

        @Schema(description = "Pass as cursor to get the next page; absent on the last page.")
        String nextCursor) {}
