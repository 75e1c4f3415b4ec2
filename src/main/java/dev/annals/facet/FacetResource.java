package dev.annals.facet;

import dev.annals.error.Problem;
import dev.annals.query.EventQuery;
import dev.annals.query.FilterParams;
import dev.annals.query.ReadYourWrites;
import dev.annals.security.Roles;
import io.micrometer.core.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Counts of the events matching a query, by facet and over time. */
@Path("/v1/events/facets")
@RolesAllowed(Roles.READER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Query")
public class FacetResource {
    private final FacetQuery facets;
    private final EventQuery query;
    private final ReadYourWrites readYourWrites;

    public FacetResource(FacetQuery facets, EventQuery query, ReadYourWrites readYourWrites) {
        this.facets = facets;
        this.query = query;
        this.readYourWrites = readYourWrites;
    }

    @GET
    @Timed(
            value = "annals.query",
            extraTags = {"endpoint", "facets"},
            description = "Query latency by endpoint")
    @Operation(
            operationId = "queryFacets",
            summary = "Count matching events by facet and over time",
            description = "Takes every filter of GET /v1/events. Counts events by type, actor, tag, publisher and "
                    + "reliability (the top values of each, with totals), and with interval a histogram over time. "
                    + "Each facet's counts ignore that facet's own filter (choosing a type still shows the other "
                    + "types' counts); the histogram ignores from and to. Without filters (nor asOf, nor include) "
                    + "the counts are the ones the projection maintains; with filters they are counted, so a filter "
                    + "matching most of a large read model costs like reading it.")
    @APIResponse(
            responseCode = "200",
            description = "The counts.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Facets.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid parameter, or an interval giving more than 20,000 buckets.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "404",
            description = "waitFor names a position beyond its timeline's journal (never appended).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "503",
            description = "waitFor position not applied in time, or the query hit annals.query.statement-timeout "
                    + "(Retry-After).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Facets facets(@BeanParam FilterParams filters, @BeanParam FacetParams params) {
        var kinds = params.kinds();
        int top = params.topValues();
        Interval interval = params.histogramInterval();
        var zone = params.zone();
        readYourWrites.await(params.waitFor);
        return facets.facets(filters.toFilter(null, null, readYourWrites, query), kinds, top, interval, zone);
    }
}
