package dev.annals.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL the app runs for each query, written out by hand after {@code dev.annals.query.EventQuery} and
 * {@code SqlFilter} as of this harness' commit (the app's classes cannot be called across processes). When the
 * query shape changes, change it here too: the report prints the SQL that ran.
 */
final class RawSql {
    static final String ACTIVE =
            "e.generation = (select active_generation from projection_state where projection = 'timeline')";

    /** A text[] parameter. */
    record TextArray(List<String> values) {
    }

    /** Filter values, as the query parameters give them. */
    record Filter(List<String> timelines, List<String> types, List<String> actors, List<String> tags,
                  List<String> sources, OffsetDateTime from, OffsetDateTime to, String q) {
        static Filter none() {
            return new Filter(List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null);
        }
    }

    /** SQL text and its parameters. */
    record Sql(String text, List<Object> params) {
    }

    private RawSql() {
    }

    private static Sql where(Filter f) {
        StringBuilder w = new StringBuilder(ACTIVE);
        List<Object> params = new ArrayList<>();
        if (!f.timelines().isEmpty()) {
            w.append(" and e.timeline_id = any(?)");
            params.add(new TextArray(f.timelines()));
        }
        if (!f.types().isEmpty()) {
            w.append(" and e.event_type = any(?)");
            params.add(new TextArray(f.types()));
        }
        if (!f.actors().isEmpty()) {
            w.append(" and e.actor_ids && ?");
            params.add(new TextArray(f.actors()));
        }
        if (!f.tags().isEmpty()) {
            w.append(" and e.tags && ?");
            params.add(new TextArray(f.tags()));
        }
        if (!f.sources().isEmpty()) {
            w.append(" and e.publishers && ?");
            params.add(new TextArray(f.sources().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList()));
        }
        if (f.from() != null) {
            w.append(" and e.occurred_until > ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            w.append(" and e.occurred_from < ?");
            params.add(f.to());
        }
        if (f.q() != null) {
            w.append(" and e.search @@ websearch_to_tsquery('english', ?)");
            params.add(f.q());
        }
        return new Sql(w.toString(), params);
    }

    /** An event page of {@code limit}, optionally after a keyset position {occurred_at, timeline_id, sequence}. */
    static Sql events(Filter f, int limit, Object[] after) {
        Sql w = where(f);
        String text = w.text();
        List<Object> params = new ArrayList<>(w.params());
        if (after != null) {
            text += " and (e.occurred_at, e.timeline_id, e.sequence) > (?, ?, ?)";
            params.addAll(List.of(after));
        }
        return new Sql("select e.payload, e.occurred_at, e.timeline_id, e.sequence from read_event e where " + text
                + " order by e.occurred_at asc, e.timeline_id asc, e.sequence asc limit " + (limit + 1), params);
    }

    /** The keyset position of the {@code offset}-th event (0-based) in the unfiltered order. */
    static Sql positionAt(long offset) {
        return new Sql("select e.occurred_at, e.timeline_id, e.sequence from read_event e where " + ACTIVE
                + " order by e.occurred_at, e.timeline_id, e.sequence offset " + offset + " limit 1", List.of());
    }

    static Sql actors(Filter f, int limit) {
        Sql w = where(f);
        return new Sql("select a.id, max(a.name), count(*) from read_event e "
                + "cross join lateral unnest(e.actor_ids, e.actor_names) as a(id, name) where " + w.text()
                + " group by a.id order by count(*) desc, a.id limit " + limit, w.params());
    }

    static Sql timelines(int limit) {
        return new Sql("select t.timeline_id, t.event_count, t.version, t.first_occurred_at, t.last_occurred_at "
                + "from read_timeline t where t.generation = (select active_generation from projection_state "
                + "where projection = 'timeline') order by t.timeline_id limit " + (limit + 1), List.of());
    }

    static Sql eventById(java.util.UUID id) {
        return new Sql("select e.payload from read_event e where " + ACTIVE + " and e.event_id = ?", List.of(id));
    }
}
