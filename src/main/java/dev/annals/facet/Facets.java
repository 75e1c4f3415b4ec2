package dev.annals.facet;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of the events matching a query: in all, by facet, and over time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Facets", description = "Counts of the events matching a query: in all, by facet, and over time.")
public record Facets(
        @Schema(required = true, description = "How many events match every filter.")
        long total,

        @Schema(required = true) FacetSet facets,

        @Schema(description = "Present when interval is given.")
        Histogram histogram) {}
