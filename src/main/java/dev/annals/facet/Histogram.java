package dev.annals.facet;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Matching events over time, by the interval their precision allows. */
@Schema(
        name = "Histogram",
        description = "Matching events over time. An event is placed at the middle of the interval its precision "
                + "allows (taken to the UTC hour). An event known more coarsely than the interval (a month-precision "
                + "event in a day histogram) is not spread over buckets: it is counted in coarser, by its own "
                + "precision's bucket. Ignores from and to, so that a chosen range shows in context.")
public record Histogram(
        @Schema(
                required = true,
                enumeration = {"day", "week", "month", "year"})
        String interval,

        @Schema(required = true, example = "UTC") String tz,

        @Schema(required = true, description = "Buckets with events, in time order (weeks start on Monday).")
        List<HistogramBucket> buckets,

        @Schema(required = true, description = "Events known too coarsely for the interval, by precision and time.")
        List<HistogramBucket> coarser) {}
