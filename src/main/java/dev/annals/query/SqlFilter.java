package dev.annals.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the WHERE clause of an event filter over {@code read_event e} in the active generation. */
final class SqlFilter {
    static final String ACTIVE_GENERATION =
            "e.generation = (select active_generation from projection_state where projection = 'timeline')";

    final StringBuilder where = new StringBuilder(ACTIVE_GENERATION);
    final List<Object> params = new ArrayList<>();

    /** A text[] parameter, bound with {@code Connection.createArrayOf}. */
    record TextArray(List<String> values) {
    }

    SqlFilter(EventFilter filter) {
        if (!filter.timelines().isEmpty()) {
            and("e.timeline_id = any(?)", new TextArray(filter.timelines()));
        }
        if (!filter.types().isEmpty()) {
            and("e.event_type = any(?)", new TextArray(filter.types()));
        }
        if (!filter.actors().isEmpty()) {
            and("e.actor_ids && ?", new TextArray(filter.actors()));
        }
        if (!filter.tags().isEmpty()) {
            and("e.tags && ?", new TextArray(filter.tags()));
        }
        if (!filter.sources().isEmpty()) {
            and("e.publishers && ?", new TextArray(filter.sources().stream()
                    .map(s -> s.toLowerCase(Locale.ROOT)).toList()));
        }
        if (filter.from() != null) {
            and("e.occurred_until > ?", filter.from());
        }
        if (filter.to() != null) {
            and("e.occurred_from < ?", filter.to());
        }
        if (filter.q() != null) {
            and("e.search @@ websearch_to_tsquery('english', ?)", filter.q());
        }
    }

    SqlFilter and(String condition, Object... values) {
        where.append(" and ").append(condition);
        params.addAll(List.of(values));
        return this;
    }
}
