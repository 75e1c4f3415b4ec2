package dev.annals.append;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /v1/timelines/{timelineId}/events}: append a batch of events. */
@Path("/v1")
@Tag(name = "Append", description = "Write events to a timeline's journal.")
public class AppendResource {
    private static final String EXAMPLE = """
            [{"id": "7d3f2c1e-9b8a-4c6d-8e5f-1a2b3c4d5e6f", "type": "terms-refused",
              "occurredAt": "2026-02-26T18:00:00-05:00", "occurredAtPrecision": "hour",
              "title": "Anthropic refuses the Pentagon's terms",
              "summary": "Less than a day before the deadline, Anthropic declines unrestricted military use.",
              "actors": [{"id": "anthropic", "name": "Anthropic", "role": "refusing party"},
                         {"id": "us-dod", "name": "US Department of Defense", "role": "counterparty"}],
              "sources": [{"publisher": "The Verge", "url": "https://www.theverge.com/ai-artificial-intelligence",
                           "reliability": "confirmed"}],
              "tags": ["red-lines"],
              "data": {"party": "anthropic", "counterparty": "us-dod",
                       "refusedTerms": "Unrestricted military use of its AI models.",
                       "redLines": ["No mass domestic surveillance of Americans",
                                    "No fully autonomous lethal weapons"]}}]""";

    private final AppendValidator validator;
    private final AppendService service;
    private final AppendMetrics metrics;
    private final SecurityIdentity identity;

    public AppendResource(
            AppendValidator validator, AppendService service, AppendMetrics metrics, SecurityIdentity identity) {
        this.validator = validator;
        this.service = service;
        this.metrics = metrics;
        this.identity = identity;
    }

    @POST
    @Path("/timelines/{timelineId}/events")
    @RolesAllowed(Roles.WRITER)
    @TimelineWrite
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "appendEvents",
            summary = "Append events to a timeline",
            description = "Appends a JSON array of 1..1000 events atomically: all are stored or none. A timeline "
                    + "starts with its first append. Sending the same event ids with identical content again "
                    + "returns the original answer and stores nothing. Use If-Match with the timeline's version "
                    + "(its ETag) for optimistic concurrency, or If-None-Match: * to require a new timeline. With "
                    + "Content-Type: application/x-ndjson the body is an import of any number of events, one a line "
                    + "(importEvents, POST /v1/timelines/{timelineId}/imports), answered 200 with a summary.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = NewEvent.class,
                                            minItems = 1,
                                            maxItems = 1000),
                            examples =
                                    @ExampleObject(
                                            name = "refusal",
                                            summary = "One event, with actors, source, tags and data",
                                            value = EXAMPLE)),
            extensions = @Extension(name = "x-codegen-request-body-name", value = "events"))
    @APIResponse(
            responseCode = "201",
            description = "Appended (or an identical earlier append replayed).",
            headers = {
                @Header(
                        name = "ETag",
                        description = "The timeline's new version as a weak entity tag, e.g. W/\"14\".",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(
                        name = "Location",
                        description = "The first appended event in the journal.",
                        schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppendResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed JSON (also a duplicate key, or a body past the parser's limits of nesting, "
                    + "string, number and key length, tokens), a malformed header, or a broken rule of the event "
                    + "schema.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "An event id reused with different content (or by a concurrent append), or an "
                    + "Idempotency-Key reused with a different body.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match or If-None-Match not satisfied (RFC 9110 §13.1); carries currentVersion.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "More than 1000 events in one append, an event larger than 256 KiB as JSON, or a body "
                    + "larger than annals.http.max-body-bytes (2 MiB by default).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "415",
            description = "The body is not application/json.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Unknown event type, or data failing its type's schema.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "The journal database is unreachable, the timeline stayed locked past the lock timeout, "
                    + "or too many large bodies are being handled at once; nothing stored. Retry after Retry-After.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response append(
            @Parameter(
                            description = "Timeline id (slug).",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[a-z0-9][a-z0-9-]{0,127}$"),
                            example = "anthropic-dod-standoff")
                    @PathParam("timelineId")
                    String timelineId,
            @Parameter(
                            description = "Expected timeline version as an entity tag, e.g. \"7\" (or the ETag W/\"7\" "
                                    + "echoed); * = must exist. Not satisfied: 412.")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(description = "* = the timeline must not exist yet; it exists: 412.")
                    @HeaderParam("If-None-Match")
                    String ifNoneMatch,
            @Parameter(
                            description = "Your id for this request; echoed, logged, and copied to the Kafka records "
                                    + "(annals_request_id). Generated when absent.")
                    @HeaderParam("X-Request-Id")
                    String requestId,
            @Parameter(description = "W3C trace context; copied to the Kafka records (traceparent, ce_traceparent).")
                    @HeaderParam("traceparent")
                    String traceparent,
            @Parameter(
                            description = "Your key for this request (1..255 visible ASCII characters, e.g. a UUID). "
                                    + "A retry with the same key and body on the same timeline, within 24 hours of a "
                                    + "successful append, gets the original answer (the same sequences and event "
                                    + "ids, also for events sent without id) and stores nothing; the same key with "
                                    + "another body is a 409.",
                            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255),
                            example = "8e03978e-40d5-43e8-bc93-6894a57f9324")
                    @HeaderParam(IdempotencyKey.HEADER)
                    String idempotencyKey,
            AppendBody body,
            @Context UriInfo uri) {
        TraceContext trace = TraceContext.of(requestId, traceparent);
        AppendService.Outcome outcome;
        try (body) {
            outcome = metrics.record(() -> {
                TimelineIds.require(timelineId);
                Precondition precondition = Precondition.parse(ifMatch, ifNoneMatch);
                String key = IdempotencyKey.parse(idempotencyKey);
                return service.append(
                        timelineId,
                        precondition,
                        validator.validate(body == null ? null : body.events()),
                        trace,
                        Writers.subject(identity),
                        key);
            });
        }
        AppendResult result = outcome.result();
        return AppendAnswers.created(
                outcome,
                trace,
                uri.getBaseUriBuilder()
                        .path("v1/timelines/{timelineId}/stream/{sequence}")
                        .build(timelineId, result.events().get(0).sequence()));
    }
}
