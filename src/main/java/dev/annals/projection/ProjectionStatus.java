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

        @Schema(description = "The rebuild in progress in this instance, if any.")
        Rebuild rebuild) {

    /** One partition: next offset to apply, end of the log, and the difference. */
    @Schema(name = "PartitionStatus")
    public record PartitionStatus(
            @Schema(required = true) String topic,
            @Schema(required = true) int partition,
            @Schema(required = true) long position,
            @Schema(required = true) long endOffset,
            @Schema(required = true) long lag) {}

    /** Progress of a rebuild. */
    @Schema(name = "RebuildStatus")
    public record Rebuild(
            @Schema(required = true) int generation,

            @Schema(description = "rebuilding, switched, superseded, retrying or stopped.", required = true)
            String state,

            @Schema(required = true) List<PartitionStatus> partitions,
            @Schema(required = true) long applied) {}
}
