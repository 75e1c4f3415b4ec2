package dev.annals.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The filters of an event query; every part is optional, list filters match any of their values. */
public record EventFilter(
        List<String> timelines,
        List<String> types,
        List<String> actors,
        List<String> tags,
        List<String> sources,
        List<String> reliabilities,
        OffsetDateTime from,
        OffsetDateTime to,
        String q,
        boolean descending,
        OffsetDateTime asOf,
        boolean includeRetracted) {

    private static final ObjectMapper FINGERPRINT = new ObjectMapper();

    /** Whether the filter matches every event. */
    public boolean matchesAll() {
        return timelines.isEmpty()
                && types.isEmpty()
                && actors.isEmpty()
                && tags.isEmpty()
                && sources.isEmpty()
                && reliabilities.isEmpty()
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
                timelines,
                types,
                actors,
                tags,
                sources,
                reliabilities,
                from,
                to,
                q,
                descending,
                instant,
                includeRetracted);
    }

    /** The same filter, retracted events included or not. */
    public EventFilter withRetracted(boolean include) {
        return new EventFilter(
                timelines, types, actors, tags, sources, reliabilities, from, to, q, descending, asOf, include);
    }

    /** Identifies the query a cursor belongs to (everything but the page position and asOf, which it carries). */
    String fingerprint() {
        try {
            List<Object> parts = new ArrayList<>(Arrays.asList(
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
            if (!reliabilities.isEmpty()) {
                // appended only when used, so the cursors handed out before the filter existed stay valid
                parts.add(reliabilities);
            }
            return FINGERPRINT.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint a filter", e);
        }
    }
}
