package dev.annals.facet;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The counts of each facet asked for (the others absent). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FacetSet", description = "The counts of each facet asked for (the others absent).")
public record FacetSet(
        FacetCounts type, FacetCounts actor, FacetCounts tag, FacetCounts publisher, FacetCounts reliability) {}
