package dev.annals.facet;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One value of a facet and how many matching events have it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "FacetValue", description = "One value of a facet and how many matching events have it.")
public record FacetValue(
        @Schema(required = true, example = "meeting-held") String value,

        @Schema(description = "Display name (actors: the name events give them).", example = "Anthropic")
        String label,

        @Schema(required = true, example = "12") long count) {}
