package dev.annals.query;

import dev.annals.error.Problem;
import dev.annals.error.ProblemType;
import dev.annals.journal.TimelineIds;
import dev.annals.security.Roles;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The story around an event, and what changed in a timeline since a position. */
@Path("/v1")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Query")
public class ContextResource {
    private static final int MAX_NEIGHBOURS = 100;

    private final ContextQuery context;
    private final ChangeFeedQuery changes;
    private final EventQuery query;
    private final ReadYourWrites readYourWrites;
    private final dev.annals.http.PageLimits limits;

    public ContextResource(
            ContextQuery context,
            ChangeFeedQuery changes,
            EventQuery query,
            ReadYourWrites readYourWrites,
            dev.annals.http.PageLimits limits) {
        this.context = context;
        this.changes = changes;
        this.query = query;
        this.readYourWrites = readYourWrites;
        this.limits = limits;
    }

    @GET
    @Path("/events/{eventId}/context")
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "context"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "getEventContext",
            summary = "An event with its neighbours on its timeline",
            description = "Up to `before` events before it and `after` events after it on its timeline, in "
                    + "timeline order (occurredAt, then sequence), as the same asOf and include would answer them.")
    @APIResponse(
            responseCode = "200",
            description = "The event and its neighbours.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = EventContext.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such event (as of then).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventContext context(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("eventId")
                    String eventId,
            @Parameter(
                            description = "How many events before it, 0.." + MAX_NEIGHBOURS + ".",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "0",
                                            maximum = "100",
                                            defaultValue = "5"))
                    @QueryParam("before")
                    String before,
            @Parameter(
                            description = "How many events after it, 0.." + MAX_NEIGHBOURS + ".",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "0",
                                            maximum = "100",
                                            defaultValue = "5"))
                    @QueryParam("after")
                    String after,
            @BeanParam ViewParams view) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw QueryParsing.invalid("eventId", "format", "must be a UUID");
        }
        EventFilter filter = view.toFilter(readYourWrites, query);
        return context.context(id, filter, count("before", before), count("after", after))
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No event " + eventId + " in the read model"));
    }

    @GET
    @Path("/timelines/{timelineId}/changes")
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "changes"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "getTimelineChanges",
            summary = "What changed in a timeline since a position",
            description = "Every event that is new, corrected or retracted since `since`, once each (as the "
                    + "current view now has it), in the order of its latest change. Apply them in order (retracted: "
                    + "remove; otherwise: insert or replace by id) and continue with `next`: a client that does "
                    + "ends equal to a fresh query with include=retracted minus the retracted events.")
    @APIResponse(
            responseCode = "200",
            description = "A page of changes.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangePage changes(
            @Parameter(example = "anthropic-dod-standoff") @PathParam("timelineId") String timelineId,
            @Parameter(
                            description = "A position of this timeline (timeline:N or N), e.g. the last `next`; "
                                    + "default: its beginning.",
                            example = "anthropic-dod-standoff:14")
                    @QueryParam("since")
                    String since,
            @Parameter(
                            description = "Page size, 1..500 (default 50), as every paged list.",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500"))
                    @QueryParam("limit")
                    String limit) {
        TimelineIds.require(timelineId);
        return changes.changes(timelineId, since(timelineId, since), limits.of(limit));
    }

    private static long since(String timelineId, String raw) {
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        String value = raw.trim();
        int colon = value.lastIndexOf(':');
        if (colon >= 0 && !value.substring(0, colon).equals(timelineId)) {
            throw QueryParsing.invalid("since", "sameTimeline", "must be a position of timeline " + timelineId);
        }
        try {
            long position = Long.parseLong(value.substring(colon + 1));
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw QueryParsing.invalid("since", "position", "must be a position, e.g. " + timelineId + ":14");
        }
    }

    private static int count(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return 5;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 0 || value > MAX_NEIGHBOURS) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw QueryParsing.invalid(name, "range", "must be an integer from 0 to " + MAX_NEIGHBOURS);
        }
    }
}
