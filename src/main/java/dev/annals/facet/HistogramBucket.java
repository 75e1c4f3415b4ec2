package dev.annals.facet;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many matching events fall into [start, end); for events known too coarsely, also their precision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HistogramBucket", description = "How many matching events fall into [start, end).")
public record HistogramBucket(
        @Schema(
                description =
                        "In coarser only: the precision of these events (month, year), coarser than the " + "interval.",
                example = "month")
        String precision,

        @Schema(required = true, description = "Start, in the histogram's time zone.")
        OffsetDateTime start,

        @Schema(required = true, description = "End (exclusive).")
        OffsetDateTime end,

        @Schema(required = true) long count) {}
