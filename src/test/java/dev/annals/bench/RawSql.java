package dev.annals.bench;

import dev.annals.query.EventFilter;
import dev.annals.query.QuerySql;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The raw side of each query comparison: the very statements the app runs ({@link QuerySql}, shared with
 * {@code EventQuery}), built from the same filter values the HTTP request carries.
 */
final class RawSql {
    static final String ACTIVE =
            "e.generation = (select active_generation from projection_state where projection = 'timeline')";

    /** Filter values, as the query parameters give them. */
    record Filter(
            List<String> timelines,
            List<String> types,
            List<String> actors,
            List<String> tags,
            List<String> sources,
            OffsetDateTime from,
            OffsetDateTime to,
            String q) {
        static Filter none() {
            return new Filter(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null);
        }

        EventFilter toEventFilter() {
            return new EventFilter(timelines, types, actors, tags, sources, List.of(), from, to, q, false, null, false);
        }
    }

    private RawSql() {}

    /** An event page of {@code limit} as of an instant (the union of current rows and superseded versions). */
    static QuerySql.Statement eventsAsOf(Filter f, OffsetDateTime asOf, int limit) {
        return QuerySql.events(f.toEventFilter().withAsOf(asOf), null, limit);
    }

    /** An event page of {@code limit}, optionally after a keyset position {occurred_at, timeline_id, sequence}. */
    static QuerySql.Statement events(Filter f, int limit, Object[] after) {
        return QuerySql.events(f.toEventFilter(), after, limit);
    }

    /** The keyset position of the {@code offset}-th event (0-based) in the unfiltered order (bench set-up only). */
    static String positionAt(long offset) {
        return "select e.occurred_at, e.timeline_id, e.sequence from read_event e where " + ACTIVE
                + " order by e.occurred_at, e.timeline_id, e.sequence offset " + offset + " limit 1";
    }

    static QuerySql.Statement actors(Filter f, int limit) {
        return QuerySql.actors(f.toEventFilter(), limit);
    }

    static QuerySql.Statement timelines(int limit) {
        return QuerySql.timelines(null, limit);
    }
}
