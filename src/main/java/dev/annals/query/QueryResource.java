package dev.annals.query;

import dev.annals.bulk.EventExport;
import dev.annals.bulk.ExportFormat;
import dev.annals.error.Problem;
import dev.annals.error.ProblemType;
import dev.annals.event.TimelineEvent;
import dev.annals.http.ETags;
import dev.annals.http.NextLinks;
import dev.annals.http.PageLimits;
import dev.annals.journal.TimelineIds;
import dev.annals.security.Roles;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The query API over the timeline read model. */
@Path("/v1")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Query", description = "Search the timeline read model, fed from the Kafka topic.")
public class QueryResource {
    private final EventQuery query;
    private final ReadYourWrites readYourWrites;
    private final PageLimits limits;
    private final EventExport export;

    public QueryResource(EventQuery query, ReadYourWrites readYourWrites, PageLimits limits, EventExport export) {
        this.query = query;
        this.readYourWrites = readYourWrites;
        this.limits = limits;
        this.export = export;
    }

    private static final String EXPORT_NDJSON =
            "The full result (no paging), one event per line as in a JSON page: Accept: application/x-ndjson or "
                    + "format=ndjson.";
    private static final String EXPORT_CSV =
            "The full result (no paging), a header row and one row per event: " + "Accept: text/csv or format=csv.";

    @GET
    @Path("/events")
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.NDJSON_TYPE, ExportFormat.CSV_TYPE})
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "events"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "queryEvents",
            summary = "Query events across timelines",
            description = "Filters combine with AND; repeated values of one filter with OR. Ordered by occurredAt, "
                    + "ties broken by timeline id and sequence. Keyset pagination: pass nextCursor as cursor.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events.",
            headers =
                    @Header(
                            name = "Link",
                            description = "rel=\"next\" link when more events follow.",
                            schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
                @Content(
                        mediaType = ExportFormat.NDJSON_TYPE,
                        schema = @Schema(type = SchemaType.STRING, description = EXPORT_NDJSON)),
                @Content(
                        mediaType = ExportFormat.CSV_TYPE,
                        schema = @Schema(type = SchemaType.STRING, description = EXPORT_CSV))
            })
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter or cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "waitFor position not applied in time, or the query hit annals.query.statement-timeout "
                    + "(Retry-After).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "waitFor names a position beyond its timeline's journal (never appended).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response events(
            @BeanParam FilterParams filters,
            @BeanParam PageParams page,
            @Parameter(description = FORMAT, schema = @Schema(enumeration = {"json", "ndjson", "csv"}))
                    @QueryParam("format")
                    String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return answer(filters, null, page, ExportFormat.negotiate(format, headers.getAcceptableMediaTypes()), uri);
    }

    @GET
    @Path("/timelines/{timelineId}/events")
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.NDJSON_TYPE, ExportFormat.CSV_TYPE})
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "timeline-events"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "queryTimelineEvents",
            summary = "Query the events of one timeline",
            description = "Like GET /v1/events, restricted to one timeline.")
    @APIResponse(
            responseCode = "200",
            description = "A page of events.",
            headers =
                    @Header(
                            name = "Link",
                            description = "rel=\"next\" link when more events follow.",
                            schema = @Schema(type = SchemaType.STRING)),
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)),
                @Content(
                        mediaType = ExportFormat.NDJSON_TYPE,
                        schema = @Schema(type = SchemaType.STRING, description = EXPORT_NDJSON)),
                @Content(
                        mediaType = ExportFormat.CSV_TYPE,
                        schema = @Schema(type = SchemaType.STRING, description = EXPORT_CSV))
            })
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter or cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "waitFor position not applied in time, or the query hit annals.query.statement-timeout "
                    + "(Retry-After).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "waitFor names a position beyond its timeline's journal (never appended).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response timelineEvents(
            @Parameter(example = "anthropic-dod-standoff") @PathParam("timelineId") String timelineId,
            @BeanParam FilterParams filters,
            @BeanParam PageParams page,
            @Parameter(description = FORMAT, schema = @Schema(enumeration = {"json", "ndjson", "csv"}))
                    @QueryParam("format")
                    String format,
            @Context HttpHeaders headers,
            @Context UriInfo uri) {
        TimelineIds.require(timelineId);
        return answer(
                filters, timelineId, page, ExportFormat.negotiate(format, headers.getAcceptableMediaTypes()), uri);
    }

    @GET
    @Path("/events/{eventId}")
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "event"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "getEvent",
            summary = "Get one event by id",
            description = "An event never changes in the journal, but its answer does when a new version of its "
                    + "type is registered (its data is answered upcast to the latest version): the (weak) ETag "
                    + "names the version answered, so If-None-Match answers 304 until then. Cache-Control: "
                    + "no-cache (revalidate with If-None-Match).")
    @APIResponse(
            responseCode = "200",
            description = "The event.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimelineEvent.class)))
    @APIResponse(responseCode = "304", description = "Not modified.")
    @APIResponse(
            responseCode = "404",
            description = "No such event, or waitFor beyond its timeline's journal.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response event(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("eventId")
                    String eventId,
            @Parameter(description = "Position from an append to wait for.") @QueryParam("waitFor") String waitFor,
            @Parameter(
                            description = "The event as it was known then: an instant or a position timeline:N (see "
                                    + "GET /v1/events); 404 when it was not recorded yet.",
                            example = "2026-02-27T12:00:00Z")
                    @QueryParam("asOf")
                    String asOf,
            @Parameter(description = "An ETag of this event from an earlier answer: 304 when it matches.")
                    @HeaderParam("If-None-Match")
                    String ifNoneMatch) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (IllegalArgumentException e) {
            throw QueryParsing.invalid("eventId", "format", "must be a UUID");
        }
        readYourWrites.await(waitFor);
        TimelineEvent event = query.event(id, AsOfParam.resolve(asOf, readYourWrites, query))
                .orElseThrow(() -> ProblemType.NOT_FOUND.exception("No event " + eventId + " in the read model"));
        EntityTag tag = ETags.weak(event.id() + "-" + event.sequence() + "-v" + event.typeVersion() + "-r"
                + (event.revisions() == null ? 0 : event.revisions()) + (event.retracted() != null ? "x" : ""));
        Response.ResponseBuilder response = ETags.noneMatchHits(ifNoneMatch, tag)
                ? Response.notModified()
                : Response.ok(event, MediaType.APPLICATION_JSON_TYPE);
        return response.tag(tag).header("Cache-Control", "no-cache").build();
    }

    private static final String FORMAT = "json (default): a page; ndjson or csv: the full result as a file, like "
            + "Accept: application/x-ndjson or text/csv (limit and cursor do not apply).";

    /** A JSON page, or the full result as an export file. */
    private Response answer(
            FilterParams filters, String timelineId, PageParams page, Optional<ExportFormat> format, UriInfo uri) {
        EventFilter filter = filters.toFilter(timelineId, page.order, readYourWrites, query);
        if (format.isEmpty()) {
            return eventPage(filter, page, uri);
        }
        readYourWrites.await(page.waitFor);
        return export.answer(format.get(), filter, timelineId != null ? timelineId : "events");
    }

    private Response eventPage(EventFilter filter, PageParams page, UriInfo uri) {
        int limit = limits.of(page.limit);
        readYourWrites.await(page.waitFor);
        EventPage result = query.events(filter, page.cursor, limit);
        return NextLinks.add(Response.ok(result, MediaType.APPLICATION_JSON_TYPE), uri, "cursor", result.nextCursor())
                .build();
    }
}
