package dev.annals.query;

import dev.annals.projection.PrecisionInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the FROM and WHERE clauses of an event filter over the events {@code e} of the active generation: the
 * current view ({@code read_event}), or, as of an instant, one of its two halves (see {@link #versions}).
 * Retracted events only when asked for.
 */
final class SqlFilter {
    static final String ACTIVE_GENERATION =
            "e.generation = (select active_generation from projection_state where projection = 'timeline')";

    /** The columns every event answer reads after its payload: the correction and retraction marks. */
    static final String MARKS = "e.revisions, e.corrected_at, e.retracted_at, e.retraction_reason";

    final String source;
    final StringBuilder where = new StringBuilder(ACTIVE_GENERATION);
    final List<Object> params = new ArrayList<>();

    /** A text[] parameter, bound with {@code Connection.createArrayOf}. */
    record TextArray(List<String> values) {}

    /**
     * The filter over every version known at the filter's asOf, as separate halves, each planned on its own
     * indexes: the current rows already known then, and the superseded versions whose interval holds it (a
     * statement unions them and orders the union). Without asOf, the current view alone.
     */
    static List<SqlFilter> versions(EventFilter filter) {
        SqlFilter current = new SqlFilter(filter, "read_event e");
        if (filter.asOf() == null) {
            return List.of(current);
        }
        current.and("coalesce(e.retracted_at, e.corrected_at, e.recorded_at) <= ?", filter.asOf());
        SqlFilter past = new SqlFilter(filter, "read_event_revision e");
        past.and("e.known_from <= ? and e.known_until > ?", filter.asOf(), filter.asOf());
        return List.of(current, past);
    }

    /** The current view (a filter's asOf is not applied: see {@link #versions}). */
    SqlFilter(EventFilter filter) {
        this(filter, "read_event e");
    }

    private SqlFilter(EventFilter filter, String source) {
        this.source = source;
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
        if (!filter.reliabilities().isEmpty()) {
            and("e.reliabilities && ?", new TextArray(filter.reliabilities()));
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
