package dev.annals.journal;

import dev.annals.error.Problem;
import dev.annals.event.TimelineEvent;
import dev.annals.http.ETags;
import dev.annals.http.NextLinks;
import dev.annals.http.PageLimits;
import dev.annals.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Journal reads: a timeline's version and counts, and its events in append order. */
@Path("/v1")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Journal", description = "Read a timeline's journal in append order.")
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelineResource {
    private final JournalReader reader;
    private final PageLimits limits;

    public TimelineResource(JournalReader reader, PageLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    @GET
    @Path("/timelines/{timelineId}")
    @Operation(
            operationId = "getTimeline",
            summary = "Get a timeline's version and counts",
            description =
                    "The version (sequence of the last event) is also the (weak) ETag; send it back as " + "If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The timeline.",
            headers =
                    @Header(
                            name = "ETag",
                            description = "The version as a weak entity tag, e.g. W/\"7\".",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimelineSummary.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such timeline.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response timeline(
            @Parameter(example = "anthropic-dod-standoff") @PathParam("timelineId") String timelineId) {
        TimelineIds.require(timelineId);
        TimelineSummary summary = reader.summary(timelineId);
        return Response.ok(summary, MediaType.APPLICATION_JSON_TYPE)
                .tag(ETags.weak(Long.toString(summary.version())))
                .build();
    }

    @GET
    @Path("/timelines/{timelineId}/stream")
    @Operation(
            operationId = "readStream",
            summary = "Read a timeline's events in append order",
            description = "The classic event-store read: events with sequence >= fromSequence, oldest first. "
                    + "Follow nextSequence (or the Link rel=next header) for the next page.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events.",
            headers =
                    @Header(
                            name = "Link",
                            description = "rel=\"next\" link when more events follow.",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StreamPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such timeline.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stream(
            @PathParam("timelineId") String timelineId,
            @Parameter(
                            description = "First sequence to return.",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int64",
                                            minimum = "1",
                                            defaultValue = "1"))
                    @QueryParam("fromSequence")
                    @DefaultValue("1")
                    String fromSequence,
            @Parameter(
                            description = "Page size, 1..500 (default 50).",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "500",
                                            defaultValue = "50"))
                    @QueryParam("limit")
                    String limit,
            @Context UriInfo uri) {
        TimelineIds.require(timelineId);
        long from = QueryParams.positiveLong("fromSequence", fromSequence, Long.MAX_VALUE);
        StreamPage page = reader.page(timelineId, from, limits.of(limit));
        return NextLinks.add(
                        Response.ok(page, MediaType.APPLICATION_JSON_TYPE), uri, "fromSequence", page.nextSequence())
                .build();
    }

    @GET
    @Path("/timelines/{timelineId}/stream/{sequence}")
    @Operation(
            operationId = "readStreamEvent",
            summary = "Read one event of a timeline by sequence",
            description = "The event with this sequence, from the journal.")
    @APIResponse(
            responseCode = "200",
            description = "The event.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimelineEvent.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such timeline or event.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response event(
            @PathParam("timelineId") String timelineId,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                    @PathParam("sequence")
                    String sequence) {
        TimelineIds.require(timelineId);
        long seq = QueryParams.positiveLong("sequence", sequence, Long.MAX_VALUE);
        return Response.ok(reader.event(timelineId, seq), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
