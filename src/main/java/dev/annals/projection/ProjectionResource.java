package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Projection status and the admin rebuild. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projections", description = "State of the read model fed from the topic; rebuild it.")
public class ProjectionResource {
    private final TimelineProjector projector;
    private final ProjectionStore store;
    private final AnnalsConfig config;
    private final RebuildLedger ledger;

    public ProjectionResource(
            TimelineProjector projector, ProjectionStore store, AnnalsConfig config, RebuildLedger ledger) {
        this.projector = projector;
        this.store = store;
        this.config = config;
        this.ledger = ledger;
    }

    /** The projections, in the list shape every list endpoint answers with (there is one: one page). */
    @Schema(name = "ProjectionList", description = "Every projection's status (one page).")
    public record ProjectionList(@Schema(required = true) List<ProjectionStatus> items) {}

    @GET
    @Path("/projections")
    @RolesAllowed(Roles.READER)
    @Operation(
            operationId = "listProjections",
            summary = "Projection status",
            description = "Per partition: the next offset the read model will apply, the end of the log and the "
                    + "lag; counters; the last error; the latest rebuild (from the database: the same on every "
                    + "instance), with why it was refused or abandoned.")
    public ProjectionList list() {
        return new ProjectionList(List.of(status()));
    }

    @POST
    @Path("/projections/timeline/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(
            operationId = "rebuildTimelineProjection",
            summary = "Rebuild the timeline projection (admin)",
            description = "Replays the topic from the earliest offset into a fresh generation of the read model "
                    + "and switches queries over once it has caught up. Queries keep answering from the current "
                    + "generation meanwhile. Follow progress in GET /v1/projections.")
    @APIResponse(
            responseCode = "202",
            description = "Rebuild started.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ProjectionStatus.class)))
    public Response rebuild(@Context UriInfo uri) {
        projector.rebuild();
        return Response.accepted(status())
                .location(uri.getBaseUriBuilder().path("v1/projections").build())
                .build();
    }

    private ProjectionStatus status() {
        String topic = config.topic().name();
        ProjectorRunner live = projector.liveRunner();
        ProjectionStatus.Rebuild rebuilding =
                ledger.latest().map(r -> rebuild(topic, r)).orElse(null);
        if (live == null) {
            return new ProjectionStatus(
                    ProjectionStore.PROJECTION,
                    "disabled",
                    store.activeGeneration(),
                    List.of(),
                    0,
                    0,
                    0,
                    null,
                    null,
                    rebuilding);
        }
        RunnerStats stats = live.stats;
        return new ProjectionStatus(
                ProjectionStore.PROJECTION,
                stats.state(),
                store.activeGeneration(),
                partitions(topic, stats),
                stats.applied.get(),
                stats.duplicates.get(),
                stats.deadLettered.get(),
                stats.lastError(),
                stats.lastErrorAt(),
                rebuilding);
    }

    private ProjectionStatus.Rebuild rebuild(String topic, RebuildLedger.Rebuild recorded) {
        ProjectorRunner runner = projector.rebuildRunner();
        boolean here = runner != null && runner.generation() == recorded.generation();
        RebuildLedger.Comparison counts = recorded.comparison();
        return new ProjectionStatus.Rebuild(
                recorded.generation(),
                recorded.state().wire(),
                recorded.startedAt(),
                recorded.updatedAt(),
                recorded.owner(),
                here ? partitions(topic, runner.stats) : List.of(),
                recorded.applied(),
                recorded.deadLettered(),
                counts.liveEvents(),
                counts.rebuiltEvents(),
                counts.rejectedLive(),
                counts.missing(),
                recorded.reason(),
                here ? runner.stats.state() : null);
    }

    private static List<ProjectionStatus.PartitionStatus> partitions(String topic, RunnerStats stats) {
        Map<Integer, Long> positions = stats.positions();
        List<ProjectionStatus.PartitionStatus> result = new ArrayList<>();
        stats.endOffsets().forEach((partition, end) -> {
            long position = positions.getOrDefault(partition, 0L);
            result.add(
                    new ProjectionStatus.PartitionStatus(topic, partition, position, end, Math.max(0, end - position)));
        });
        return result;
    }
}
