package dev.annals.live;

import dev.annals.error.FieldError;
import dev.annals.error.Problem;
import dev.annals.error.ProblemType;
import dev.annals.query.EventFilter;
import dev.annals.query.FilterParams;
import dev.annals.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The live feed: what the read model shows, as Server-Sent Events, resumable by position. */
@Path("/v1/events/live")
@RolesAllowed(Roles.READER)
@Tag(name = "Query")
public class LiveResource {
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String POSITION = "must be an id this feed sent (partition-offset pairs joined by dots)";

    private final LiveHub hub;

    public LiveResource(LiveHub hub) {
        this.hub = hub;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            operationId = "liveEvents",
            summary = "Follow events live (Server-Sent Events)",
            description = "The events the read model shows from now on (or after Last-Event-ID), with the filters "
                    + "of GET /v1/events (the current view: no asOf, no include). SSE event names: event (the event "
                    + "as a query answers it), corrected and retracted ({\"change\": the change event, \"event\": "
                    + "the event now}); a change is sent when the event matches the filter now or matched it "
                    + "before. Every id is a position: reconnecting with Last-Event-ID (or lastEventId) resumes "
                    + "with no gap and no duplicate. Comment lines every annals.live.heartbeat. A client that falls "
                    + "more than annals.live.buffer items behind gets a final overflow event "
                    + "({\"reason\", \"detail\", \"lastEventId\"}) and is disconnected.")
    @APIResponse(
            responseCode = "200",
            description = "The stream.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter or position.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "This instance serves annals.live.max-subscribers streams already (Retry-After).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void live(
            @BeanParam FilterParams filters,
            @Parameter(description = "The id of the last event received: resume after it.") @HeaderParam(LAST_EVENT_ID)
                    String lastEventIdHeader,
            @Parameter(description = "Last-Event-ID for clients that cannot set headers (the header wins).")
                    @QueryParam("lastEventId")
                    String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        unsupported("asOf", filters.asOf);
        unsupported("include", filters.include);
        EventFilter filter = filters.toFilter(null, null);
        Position start = null;
        if (lastEventIdHeader != null && !lastEventIdHeader.isBlank()) {
            start = position(lastEventIdHeader, FieldError.header(LAST_EVENT_ID, "position", POSITION));
        } else if (lastEventId != null && !lastEventId.isBlank()) {
            start = position(lastEventId, FieldError.parameter("lastEventId", "position", POSITION));
        }
        hub.subscribe(filter, start, sink, sse);
    }

    private static Position position(String raw, FieldError error) {
        String name = error.header() != null ? error.header() : error.parameter();
        return Position.parse(raw.trim())
                .orElseThrow(() -> ProblemType.INVALID_REQUEST.exception("Invalid " + name, List.of(error)));
    }

    private static void unsupported(String name, String value) {
        if (value != null && !value.isBlank()) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "Invalid parameter " + name,
                    List.of(FieldError.parameter(
                            name, "unsupported", "the live feed is the current view; " + name + " is not supported")));
        }
    }
}
