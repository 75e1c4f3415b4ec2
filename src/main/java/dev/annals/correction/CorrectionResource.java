package dev.annals.correction;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.append.AppendAnswers;
import dev.annals.append.AppendResult;
import dev.annals.append.AppendService;
import dev.annals.append.AppendValidator;
import dev.annals.append.IdempotencyKey;
import dev.annals.append.NewEvent;
import dev.annals.append.Precondition;
import dev.annals.append.TraceContext;
import dev.annals.error.Problem;
import dev.annals.error.ProblemException;
import dev.annals.error.ProblemType;
import dev.annals.security.Roles;
import dev.annals.security.WriteScopes;
import dev.annals.security.Writers;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Corrections and retractions of an event, appended for the caller to the event's timeline, and its history.
 */
@Path("/v1")
@Tag(name = "Corrections", description = "Correct or retract an event; read every version of it.")
public class CorrectionResource {
    private final AppendValidator validator;
    private final AppendService service;
    private final JournalTargets targets;
    private final HistoryReader history;
    private final WriteScopes scopes;
    private final SecurityIdentity identity;

    CorrectionResource(
            AppendValidator validator,
            AppendService service,
            JournalTargets targets,
            HistoryReader history,
            WriteScopes scopes,
            SecurityIdentity identity) {
        this.validator = validator;
        this.service = service;
        this.targets = targets;
        this.history = history;
        this.scopes = scopes;
        this.identity = identity;
    }

    @POST
    @Path("/events/{eventId}/corrections")
    @RolesAllowed(Roles.WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "correctEvent",
            summary = "Correct an event",
            description = "Appends an event-corrected event to the event's timeline (same roles, If-Match, "
                    + "Idempotency-Key and answers as an append). changes is a JSON Merge Patch (RFC 7386) of title, "
                    + "summary, occurredAt, occurredAtPrecision, actors, sources, tags and data; the corrected event "
                    + "must stay valid, and a correction that changes nothing is a 422.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CorrectionRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The correction was appended (or an identical one replayed).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppendResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body or header.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The token may not write to the event's timeline.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such event in the journal.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match not satisfied.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The event is retracted, the correction changes nothing or leaves the event invalid.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response correct(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("eventId")
                    String eventId,
            @Parameter(description = "Expected timeline version, as for an append.") @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(description = "As for an append.") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("traceparent") String traceparent,
            JsonNode body,
            @Context UriInfo uri) {
        return change(ChangeKind.CORRECTED, eventId, ifMatch, idempotencyKey, requestId, traceparent, body, uri);
    }

    @POST
    @Path("/events/{eventId}/retractions")
    @RolesAllowed(Roles.WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "retractEvent",
            summary = "Retract an event",
            description = "Appends an event-retracted event to the event's timeline (same roles, If-Match, "
                    + "Idempotency-Key and answers as an append). Queries then no longer answer the event "
                    + "(include=retracted shows it marked); its history keeps it.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetractionRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "The retraction was appended (or an identical one replayed).",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AppendResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Malformed body or header.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "403",
            description = "The token may not write to the event's timeline.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such event in the journal.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match not satisfied.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "The event is already retracted.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retract(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("eventId")
                    String eventId,
            @Parameter(description = "Expected timeline version, as for an append.") @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(description = "As for an append.") @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
            @HeaderParam("X-Request-Id") String requestId,
            @HeaderParam("traceparent") String traceparent,
            JsonNode body,
            @Context UriInfo uri) {
        return change(ChangeKind.RETRACTED, eventId, ifMatch, idempotencyKey, requestId, traceparent, body, uri);
    }

    @GET
    @Path("/events/{eventId}/history")
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getEventHistory",
            summary = "Every version of an event",
            description = "The event as recorded, then each correction with what it changed, who recorded it, "
                    + "when, why and its source, and the retraction if there is one; each entry holds the event as "
                    + "that step left it. From the read model, like every query.")
    @APIResponse(
            responseCode = "200",
            description = "The history.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventHistory.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such event in the read model.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventHistory history(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("eventId")
                    String eventId) {
        UUID id = EventIds.parse(eventId);
        return history.history(id)
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No event " + eventId + " in the read model"));
    }

    private Response change(
            ChangeKind kind,
            String eventId,
            String ifMatch,
            String idempotencyKey,
            String requestId,
            String traceparent,
            JsonNode body,
            UriInfo uri) {
        UUID id = EventIds.parse(eventId);
        TraceContext trace = TraceContext.of(requestId, traceparent);
        String timelineId = targets.timelineOf(id)
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No event " + eventId + " in the journal"));
        scopes.require(identity, timelineId);
        Precondition precondition = Precondition.parse(ifMatch, null);
        String key = IdempotencyKey.parse(idempotencyKey);
        AppendService.Outcome outcome;
        try {
            // a retry (same id, or same Idempotency-Key) must be the same event: it occurs when the first did
            UUID changeId = ChangeRequests.changeId(kind, id, body, timelineId, key);
            String occurredAt =
                    changeId == null ? null : targets.occurredAtOf(changeId).orElse(null);
            List<NewEvent> events = validator.validate(ChangeRequests.event(kind, id, body, changeId, occurredAt));
            outcome = service.append(timelineId, precondition, events, trace, Writers.subject(identity), key);
        } catch (ProblemException e) {
            throw ChangeRequests.inBody(e);
        }
        return AppendAnswers.created(
                outcome,
                trace,
                uri.getBaseUriBuilder().path("v1/events/{eventId}/history").build(eventId));
    }
}
