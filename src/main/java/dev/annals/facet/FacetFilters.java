package dev.annals.facet;

import dev.annals.query.EventFilter;
import java.util.List;

/** The variants of a request's filter that facets and the histogram count under (order never matters to them). */
final class FacetFilters {
    private FacetFilters() {}

    static EventFilter unordered(EventFilter f) {
        return copy(f, f.types(), f.actors(), f.tags(), f.sources(), f.reliabilities(), true);
    }

    /** Without from and to: the histogram shows a chosen range in context. */
    static EventFilter unbounded(EventFilter f) {
        return copy(f, f.types(), f.actors(), f.tags(), f.sources(), f.reliabilities(), false);
    }

    static EventFilter without(FacetKind kind, EventFilter f) {
        List<String> none = List.of();
        return copy(
                f,
                kind == FacetKind.TYPE ? none : f.types(),
                kind == FacetKind.ACTOR ? none : f.actors(),
                kind == FacetKind.TAG ? none : f.tags(),
                kind == FacetKind.PUBLISHER ? none : f.sources(),
                kind == FacetKind.RELIABILITY ? none : f.reliabilities(),
                true);
    }

    private static EventFilter copy(
            EventFilter f,
            List<String> types,
            List<String> actors,
            List<String> tags,
            List<String> sources,
            List<String> reliabilities,
            boolean bounded) {
        return new EventFilter(
                f.timelines(),
                types,
                actors,
                tags,
                sources,
                reliabilities,
                bounded ? f.from() : null,
                bounded ? f.to() : null,
                f.q(),
                false,
                f.asOf(),
                f.includeRetracted());
    }
}
