package dev.annals.relay;

import dev.annals.error.Problem;
import dev.annals.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The admin republish: publish a timeline range, or the whole journal, to the topic again. */
@Path("/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Admin", description = "Operations on the whole service.")
public class RepublishResource {
    private final Republisher republisher;

    public RepublishResource(Republisher republisher) {
        this.republisher = republisher;
    }

    @POST
    @Path("/republish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "republish",
            summary = "Publish journal events to the topic again (admin)",
            description = "Queues a timeline's range (default: all of it), or without timelineId every timeline, "
                    + "for the relay, which publishes the events again in sequence order per timeline. Each "
                    + "record is rebuilt from the journal: same ce_id, CloudEvents attributes, key and payload, so "
                    + "subscribers that deduplicate by ce_id or by (ce_subject, ce_sequence) drop the copies; the "
                    + "request id and trace context of the original append are not kept in the journal and are "
                    + "not repeated.")
    @RequestBody(
            required = false,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RepublishRequest.class)))
    @APIResponse(
            responseCode = "202",
            description = "Queued; the relay publishes the events shortly.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RepublishResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "A range that is not valid or goes beyond the journal.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such timeline.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response republish(RepublishRequest request) {
        return Response.accepted(republisher.republish(request)).build();
    }
}
