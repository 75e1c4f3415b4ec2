package dev.annals.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of timelines. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A page of timelines, ordered by id.")
public record TimelinePage(
        @Schema(required = true) List<TimelineListItem> timelines,

        @Schema(description = "Pass as cursor for the next page.")
        String nextCursor) {}
