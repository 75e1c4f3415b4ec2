package dev.annals.projection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** State of a projection as seen by this instance. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "State of a projection, as seen by the instance that answers.")
public record ProjectionStatus(
        @Schema(required = true, examples = "timeline") String name,

        @Schema(
                description = "starting, running, retrying (a batch or the broker failed), stopped, failed (the "
                        + "thread died: see lastError), or disabled (no projector in this instance).",
                required = true)
        String state,

        @Schema(description = "The generation queries read.", required = true)
        int activeGeneration,

        @Schema(description = "Partitions this instance consumes, with position and lag.", required = true)
        List<PartitionStatus> partitions,

        @Schema(required = true) long applied,

        @Schema(description = "Records ignored because their event was already applied.", required = true)
        long duplicates,

        @Schema(description = "Records copied to the dead-letter topic.", required = true)
        long deadLettered,

        String lastError,
        OffsetDateTime lastErrorAt,

        @Schema(description = "The latest rebuild, if any.") Rebuild rebuild) {

    /** One partition: next offset to apply, end of the log, and the difference. */
    @Schema(name = "PartitionStatus")
    public record PartitionStatus(
            @Schema(required = true) String topic,
            @Schema(required = true) int partition,
            @Schema(required = true) long position,
            @Schema(required = true) long endOffset,
            @Schema(required = true) long lag) {}

    /** The latest rebuild, as recorded in the database (the same from every instance). */
    @Schema(name = "RebuildStatus")
    public record Rebuild(
            @Schema(required = true) int generation,

            @Schema(
                    description = "rebuilding, switched, refused (it would have lost events the live generation "
                            + "holds: see reason and the counts), abandoned (see reason) or superseded.",
                    required = true)
            String state,

            @Schema(description = "When the rebuild started.", required = true)
            OffsetDateTime startedAt,

            @Schema(description = "Its last report or state change.", required = true)
            OffsetDateTime updatedAt,

            @Schema(description = "The instance running it; absent while nobody does (it is resumed).")
            String owner,

            @Schema(description = "Partitions, when this instance runs the rebuild.", required = true)
            List<PartitionStatus> partitions,

            @Schema(description = "Events written into the rebuilt generation.", required = true)
            long applied,

            @Schema(description = "Records the rebuild copied to the dead-letter topic.", required = true)
            long deadLettered,

            @Schema(description = "At the switch: events the live generation held.")
            Long liveEvents,

            @Schema(description = "At the switch: events the rebuilt generation held.")
            Long rebuiltEvents,

            @Schema(description = "At the switch: events of the live generation the rebuild dead-lettered.")
            Long rejectedLive,

            @Schema(description = "At the switch: events of the live generation neither rebuilt nor dead-lettered.")
            Long missing,

            @Schema(description = "Why it was refused or abandoned.")
            String reason,

            @Schema(description = "State of this instance's rebuild runner, when it has one for this generation.")
            String runner) {}
}
