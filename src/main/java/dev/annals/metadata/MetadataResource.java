package dev.annals.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.error.Problem;
import dev.annals.error.ProblemType;
import dev.annals.journal.TimelineIds;
import dev.annals.security.Roles;
import dev.annals.security.TimelineWrite;
import dev.annals.security.Writers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A timeline's title, description and tags, set by a writer, shown by GET /v1/timelines and the web view. */
@Path("/v1/timelines/{timelineId}/metadata")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timelines", description = "What a timeline is called and about.")
public class MetadataResource {
    private final MetadataStore store;
    private final SecurityIdentity identity;

    public MetadataResource(MetadataStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "getTimelineMetadata", summary = "Get a timeline's title, description and tags")
    @APIResponse(
            responseCode = "200",
            description = "The metadata.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimelineMetadata.class)))
    @APIResponse(
            responseCode = "404",
            description = "No metadata was set for the timeline.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelineMetadata get(
            @Parameter(example = "anthropic-dod-standoff") @PathParam("timelineId") String timelineId) {
        TimelineIds.require(timelineId);
        return store.get(timelineId)
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No metadata for timeline " + timelineId));
    }

    @PUT
    @RolesAllowed(Roles.WRITER)
    @TimelineWrite
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "putTimelineMetadata",
            summary = "Set a timeline's title, description and tags",
            description = "Replaces them (last write wins). Metadata is not an event of the story: it is kept apart "
                    + "from the journal, not published on the topic, and may be set before the timeline's first "
                    + "event (GET /v1/timelines lists timelines once they have events).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MetadataRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "The metadata as stored.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimelineMetadata.class)))
    @APIResponse(
            responseCode = "400",
            description = "A field breaks a rule (each named by its pointer); nothing was stored.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The token may not write to this timeline.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TimelineMetadata put(
            @Parameter(example = "anthropic-dod-standoff") @PathParam("timelineId") String timelineId, JsonNode body) {
        TimelineIds.require(timelineId);
        return store.put(timelineId, MetadataRequest.of(body), Writers.subject(identity));
    }
}
