package dev.annals.query;

import dev.annals.error.Problem;
import dev.annals.http.NextLinks;
import dev.annals.http.PageLimits;
import dev.annals.security.Roles;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The lists of the read model beside its events: timelines and actors, each paged by keyset. */
@Path("/v1")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Query")
public class ListsResource {
    private final EventQuery query;
    private final ReadYourWrites readYourWrites;
    private final PageLimits limits;

    public ListsResource(EventQuery query, ReadYourWrites readYourWrites, PageLimits limits) {
        this.query = query;
        this.readYourWrites = readYourWrites;
        this.limits = limits;
    }

    @GET
    @Path("/timelines")
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "timelines"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "listTimelines",
            summary = "List timelines",
            description = "Timelines known to the read model, ordered by id, with counts and time span. Keyset "
                    + "pagination: pass nextCursor as cursor.")
    @APIResponse(
            responseCode = "200",
            description = "A page of timelines.",
            headers =
                    @Header(
                            name = "Link",
                            description = "rel=\"next\" link when more timelines follow.",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TimelinePage.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter or cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "waitFor names a position beyond its timeline's journal (never appended).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response timelines(@BeanParam PageParams page, @Context UriInfo uri) {
        int limit = limits.of(page.limit);
        readYourWrites.await(page.waitFor);
        TimelinePage result = query.timelines(page.cursor, limit);
        return NextLinks.add(Response.ok(result, MediaType.APPLICATION_JSON_TYPE), uri, "cursor", result.nextCursor())
                .build();
    }

    @GET
    @Path("/actors")
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "actors"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "listActors",
            summary = "List actors of matching events",
            description = "Actors named by the events matching the filters, with how many such events name them, "
                    + "most frequent first (ties by id). Keyset pagination: pass nextCursor as cursor; counts are "
                    + "those of each page's moment.")
    @APIResponse(
            responseCode = "200",
            description = "A page of actors, most frequent first.",
            headers =
                    @Header(
                            name = "Link",
                            description = "rel=\"next\" link when more actors follow.",
                            schema = @Schema(type = SchemaType.STRING)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ActorPage.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter or cursor.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "waitFor names a position beyond its timeline's journal (never appended).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response actors(@BeanParam FilterParams filters, @BeanParam PageParams page, @Context UriInfo uri) {
        int limit = limits.of(page.limit);
        EventFilter filter = filters.toFilter(null, null, readYourWrites, query);
        readYourWrites.await(page.waitFor);
        ActorPage result = query.actors(filter, page.cursor, limit);
        return NextLinks.add(Response.ok(result, MediaType.APPLICATION_JSON_TYPE), uri, "cursor", result.nextCursor())
                .build();
    }
}
