package dev.annals.facet;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The most frequent values of one facet, with totals over all its values. */
@Schema(name = "FacetCounts", description = "The most frequent values of one facet, with totals over all its values.")
public record FacetCounts(
        @Schema(
                required = true,
                description = "Sum of the counts of all values (an event with two tags counts twice; for "
                        + "type, the matching events).")
        long total,

        @Schema(required = true, description = "How many distinct values the matching events have.")
        long distinct,

        @Schema(required = true, description = "Sum of the counts of the values not listed (beyond top).")
        long other,

        @Schema(required = true, description = "The top values, most frequent first, ties by value.")
        List<FacetValue> values) {

    static final FacetCounts NONE = new FacetCounts(0, 0, 0, List.of());
}
