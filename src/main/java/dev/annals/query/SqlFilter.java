package dev.annals.query;

import dev.annals.projection.PrecisionInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the FROM and WHERE clauses of an event filter over the events {@code e} of the active generation: the
 * current view ({@code read_event}), or as of an instant the versions known then (the current rows known by then,
 * and the superseded versions whose interval of recorded time holds it). Retracted events only when asked for.
 */
final class SqlFilter {
    private static final String ACTIVE =
            "(select active_generation from projection_state where projection = 'timeline')";
    static final String ACTIVE_GENERATION = "e.generation = " + ACTIVE;

    private static final String COLUMNS = "generation, event_id, timeline_id, sequence, event_type, occurred_at, "
            + "occurred_from, occurred_until, recorded_at, actor_ids, actor_names, publishers, tags, search, payload, "
            + "revisions, corrected_at, retracted_at, retraction_reason";

    /** The versions known at an instant: both halves keep their indexes, the planner merges them in key order. */
    private static final String AS_OF = "(select " + COLUMNS + " from read_event r where r.generation = " + ACTIVE
            + " and coalesce(r.retracted_at, r.corrected_at, r.recorded_at) <= ? union all select " + COLUMNS
            + " from read_event_revision r where r.generation = " + ACTIVE
            + " and r.known_from <= ? and r.known_until > ?) e";

    /** The columns every event answer reads after its payload: the correction and retraction marks. */
    static final String MARKS = "e.revisions, e.corrected_at, e.retracted_at, e.retraction_reason";

    final String source;
    final StringBuilder where = new StringBuilder(ACTIVE_GENERATION);
    final List<Object> params = new ArrayList<>();

    /** A text[] parameter, bound with {@code Connection.createArrayOf}. */
    record TextArray(List<String> values) {}

    SqlFilter(EventFilter filter) {
        if (filter.asOf() == null) {
            source = "read_event e";
        } else {
            source = AS_OF;
            params.addAll(List.of(filter.asOf(), filter.asOf(), filter.asOf()));
        }
        if (!filter.includeRetracted()) {
            and("e.retracted_at is null");
        }
        if (!filter.timelines().isEmpty()) {
            anyOf("e.timeline_id", filter.timelines());
        }
        if (!filter.types().isEmpty()) {
            anyOf("e.event_type", filter.types());
        }
        if (!filter.actors().isEmpty()) {
            and("e.actor_ids && ?", new TextArray(filter.actors()));
        }
        if (!filter.tags().isEmpty()) {
            and("e.tags && ?", new TextArray(filter.tags()));
        }
        if (!filter.sources().isEmpty()) {
            and(
                    "e.publishers && ?",
                    new TextArray(filter.sources().stream()
                            .map(s -> s.toLowerCase(Locale.ROOT))
                            .toList()));
        }
        // the redundant bounds on occurred_at let the keyset-ordered indexes range-scan a window; they follow from
        // occurred_from <= occurred_at < occurred_until and the interval's maximum length, given in hours because a
        // day in the session's time zone can last 23 or 25 hours
        String maxLength = " interval '" + PrecisionInterval.MAX_LENGTH.toHours() + " hours'";
        if (filter.from() != null) {
            and(
                    "e.occurred_until > ? and e.occurred_at > cast(? as timestamptz) -" + maxLength,
                    filter.from(),
                    filter.from());
        }
        if (filter.to() != null) {
            and(
                    "e.occurred_from < ? and e.occurred_at < cast(? as timestamptz) +" + maxLength,
                    filter.to(),
                    filter.to());
        }
        if (filter.q() != null) {
            and("e.search @@ websearch_to_tsquery('english', ?)", filter.q());
        }
    }

    /**
     * {@code = ?} for one value: only then can an index on the column return rows in the keyset order (an
     * {@code = any(?)} scan returns them grouped by value).
     */
    private void anyOf(String column, List<String> values) {
        if (values.size() == 1) {
            and(column + " = ?", values.get(0));
        } else {
            and(column + " = any(?)", new TextArray(values));
        }
    }

    SqlFilter and(String condition, Object... values) {
        where.append(" and ").append(condition);
        params.addAll(List.of(values));
        return this;
    }
}
