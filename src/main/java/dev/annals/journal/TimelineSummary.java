package dev.annals.journal;

import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A timeline's write-side state: version and counts. */
@Schema(description = "A timeline's version and counts, from the journal.")
public record TimelineSummary(
        @Schema(required = true) String timelineId,

        @Schema(
                description = "Sequence of the last event; send it as If-Match to append conditionally.",
                required = true)
        long version,

        @Schema(required = true) long eventCount,

        @Schema(description = "Number of events per type.", required = true)
        Map<String, Long> eventCountsByType,

        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,

        @Schema(description = "Earliest occurredAt of its events.", required = true)
        OffsetDateTime firstOccurredAt,

        @Schema(description = "Latest occurredAt of its events.", required = true)
        OffsetDateTime lastOccurredAt) {}
