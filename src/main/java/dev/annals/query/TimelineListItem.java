package dev.annals.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A timeline as the read model knows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TimelineListItem", description = "A timeline in the read model.")
public record TimelineListItem(
        @Schema(required = true) String timelineId,

        @Schema(description = "Display title, set with PUT /v1/timelines/{timelineId}/metadata.")
        String title,

        @Schema(description = "Short description, from the timeline's metadata.")
        String description,

        @Schema(description = "Tags of the timeline, from its metadata.")
        List<String> tags,

        @Schema(required = true) long eventCount,

        @Schema(description = "Highest sequence projected.", required = true)
        long version,

        @Schema(required = true) OffsetDateTime firstOccurredAt,
        @Schema(required = true) OffsetDateTime lastOccurredAt) {}
