package dev.annals.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** The filters of an event query; every part is optional, list filters match any of their values. */
public record EventFilter(
        List<String> timelines,
        List<String> types,
        List<String> actors,
        List<String> tags,
        List<String> sources,
        OffsetDateTime from,
        OffsetDateTime to,
        String q,
        boolean descending,
        OffsetDateTime asOf,
        boolean includeRetracted) {

    private static final ObjectMapper FINGERPRINT = new ObjectMapper();

    /** Whether the filter matches every event. */
    boolean matchesAll() {
        return timelines.isEmpty()
                && types.isEmpty()
                && actors.isEmpty()
                && tags.isEmpty()
                && sources.isEmpty()
                && from == null
                && to == null
                && q == null
                && asOf == null
                && !includeRetracted;
    }

    /** Only timelines, order, asOf and include (the rest unfiltered). */
    static EventFilter of(List<String> timelines, boolean descending, OffsetDateTime asOf, boolean includeRetracted) {
        return new EventFilter(
                timelines,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                null,
                descending,
                asOf,
                includeRetracted);
    }

    /** The same filter as of another instant (null: now). */
    public EventFilter withAsOf(OffsetDateTime instant) {
        return new EventFilter(
                timelines, types, actors, tags, sources, from, to, q, descending, instant, includeRetracted);
    }

    /** Identifies the query a cursor belongs to (everything but the page position and asOf, which it carries). */
    String fingerprint() {
        try {
            return FINGERPRINT.writeValueAsString(Arrays.asList(
                    timelines,
                    types,
                    actors,
                    tags,
                    sources,
                    from == null ? null : from.toInstant().toString(),
                    to == null ? null : to.toInstant().toString(),
                    q,
                    descending,
                    includeRetracted));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a filter", e);
        }
    }
}
