package dev.annals.bulk;

import dev.annals.append.TraceContext;
import dev.annals.error.Problem;
import dev.annals.journal.TimelineIds;
import dev.annals.security.Roles;
import dev.annals.security.TimelineWrite;
import dev.annals.security.Writers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /v1/timelines/{timelineId}/events} (or {@code .../imports}) with an NDJSON body: import any number of
 * events.
 */
@Path("/v1")
@Tag(name = "Append")
public class ImportResource {
    private final EventImport imports;
    private final SecurityIdentity identity;

    public ImportResource(EventImport imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    /**
     * The same import where the users look for it first: the events of the timeline. OpenAPI has one
     * operation per path and method, and this one would replace appendEvents (which the generated clients call),
     * so the spec documents it as importEvents on /imports, and mentions it in appendEvents.
     */
    @POST
    @Path("/timelines/{timelineId}/events")
    @RolesAllowed(Roles.WRITER)
    @TimelineWrite
    @Consumes(ExportFormat.NDJSON_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response importIntoEvents(
            @PathParam("timelineId") String timelineId,
            @QueryParam("ids") String ids,
            @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("traceparent") String traceparent,
            InputStream body)
            throws IOException {
        return importEvents(timelineId, ids, requestId, traceparent, body);
    }

    @POST
    @Path("/timelines/{timelineId}/imports")
    @RolesAllowed(Roles.WRITER)
    @TimelineWrite
    @Consumes(ExportFormat.NDJSON_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importEvents",
            summary = "Import events from NDJSON",
            description = "One event per line, the shape of an append's events (an exported line is accepted as it "
                    + "is: the fields only answers carry are ignored); blank lines are ignored, the body may be of "
                    + "any length. Lines are validated like an append's events; an invalid line is skipped and "
                    + "reported with its number. Valid events are appended in chunks of annals.bulk.chunk-size, "
                    + "each atomic. An event whose id is in the journal with the same content is already present "
                    + "(send the file again after a failure: nothing is added twice); a line without id gets a "
                    + "name-based one from the timeline and its content. The same import answers a POST of an NDJSON "
                    + "body to /v1/timelines/{timelineId}/events.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = ExportFormat.NDJSON_TYPE,
                            schema = @Schema(type = SchemaType.STRING, description = "NDJSON: one event a line.")),
            extensions = @Extension(name = "x-codegen-request-body-name", value = "body"))
    @APIResponse(
            responseCode = "200",
            description = "The whole body was read: how many events were appended, already present or rejected.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid timeline id or parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "A chunk could not be appended (database, lock timeout): the import stopped, the chunks "
                    + "before it stay appended; send the file again (Retry-After).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importEvents(
            @Parameter(
                            description = "Timeline id (slug).",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z0-9][a-z0-9-]{0,127}$"),
                            example = "anthropic-dod-standoff")
                    @PathParam("timelineId")
                    String timelineId,
            @Parameter(
                            description = "keep (default): the ids sent; derive: every id derived from this timeline "
                                    + "and the id sent (name-based), to copy a timeline within one instance.",
                            schema =
                                    @Schema(
                                            enumeration = {"keep", "derive"},
                                            defaultValue = "keep"))
                    @QueryParam("ids")
                    String ids,
            @Parameter(description = "Your id for this request; echoed and copied to the Kafka records.")
                    @HeaderParam("X-Request-Id")
                    String requestId,
            @Parameter(description = "W3C trace context; copied to the Kafka records.") @HeaderParam("traceparent")
                    String traceparent,
            InputStream body)
            throws IOException {
        TimelineIds.require(timelineId);
        boolean derive = deriveIds(ids);
        TraceContext trace = TraceContext.of(requestId, traceparent);
        ImportResult result;
        try (InputStream in = body) {
            result = imports.run(
                    timelineId,
                    in == null ? InputStream.nullInputStream() : in,
                    derive,
                    trace,
                    Writers.subject(identity));
        }
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE)
                .header("X-Request-Id", trace.requestId())
                .build();
    }

    private static boolean deriveIds(String ids) {
        if (ids == null || ids.isBlank() || ids.equals("keep")) {
            return false;
        }
        if (ids.equals("derive")) {
            return true;
        }
        throw BulkProblems.invalidParameter("ids", "enum", "must be keep or derive");
    }
}
