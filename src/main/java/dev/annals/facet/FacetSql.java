package dev.annals.facet;

import dev.annals.query.EventFilter;
import dev.annals.query.QuerySql;
import dev.annals.query.QuerySql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a facet query. Without a filter, they read the counts the projection maintains
 * ({@code read_facet}, {@code read_histogram}); with one, they count the matching events, read once per statement
 * (a materialized CTE) for every facet that shares the filter. Each answers rows (facet, value, count, distinct,
 * total, label), at most {@code top} per facet, and a row of facet {@code ''} with the events in all. The benchmark
 * harness runs the very same statements raw to compare.
 */
public final class FacetSql {
    private FacetSql() {}

    private static final String ACTIVE =
            "(select active_generation from projection_state where projection = 'timeline')";

    private static final String COLUMNS = "e.event_type, e.actor_ids, e.tags, e.publishers, e.reliabilities, "
            + "e.occurred_at_precision, e.occurred_from, e.occurred_until";

    /** The middle of the interval an event's precision allows, to the UTC hour (as {@code read_histogram} has it). */
    private static final String MIDDLE =
            "date_trunc('hour', e.occurred_from + (e.occurred_until - e.occurred_from) / 2, 'UTC')";

    /** The precisions a histogram tells apart: month, year, and day for day or finer (as read_histogram has them). */
    private static final String PRECISION =
            "case when e.occurred_at_precision in ('month', 'year') then e.occurred_at_precision else 'day' end";

    /** Facets (and the total, when asked) counted over the events matching {@code filter}. */
    public static Statement counted(EventFilter filter, List<FacetKind> kinds, int top, boolean total) {
        Statement rows = QuerySql.matching(filter, COLUMNS);
        List<String> parts = new ArrayList<>();
        for (FacetKind kind : kinds) {
            parts.add("select '" + kind.wire() + "' as facet, " + kind.value + " as v, count(*) as c from " + kind.rows
                    + " group by 2");
        }
        if (total) {
            parts.add("select '' as facet, null::text as v, count(*) as c from m");
        }
        return new Statement(
                "with m as materialized (" + rows.sql() + ") " + ranked(String.join(" union all ", parts), top),
                rows.params(),
                true);
    }

    /** Facets (and the total, when asked) of every event, from the maintained counts. */
    public static Statement maintained(List<FacetKind> kinds, int top, boolean total) {
        String names =
                String.join(", ", kinds.stream().map(k -> "'" + k.wire() + "'").toList());
        String counts = "select f.facet, f.value as v, f.event_count as c from read_facet f where f.generation = "
                + ACTIVE + " and f.event_count > 0 and f.facet in (" + (names.isEmpty() ? "''" : names) + ")";
        if (total) {
            counts += " union all select '', null, coalesce(sum(t.event_count), 0) from read_timeline t "
                    + "where t.generation = " + ACTIVE;
        }
        return new Statement(ranked(counts, top), List.of(), false);
    }

    /** The top values of each facet of {@code counts} (facet, v, c), with their totals and actor names. */
    private static String ranked(String counts, int top) {
        return "select y.facet, y.v, y.c, y.distinct_n, y.total, a.name from (select x.facet, x.v, x.c, "
                + "count(*) over w as distinct_n, sum(x.c) over w as total, "
                + "row_number() over (partition by x.facet order by x.c desc, x.v) as rn from (" + counts + ") x "
                + "window w as (partition by x.facet)) y "
                + "left join read_actor a on y.facet = 'actor' and a.generation = " + ACTIVE + " and a.actor_id = y.v "
                + "where y.rn <= " + top + " order by y.facet, y.rn";
    }

    /** Rows (precision, bucket start, count) of the histogram of the events matching {@code filter}. */
    public static Statement histogram(EventFilter filter, Interval interval, String zone, int maxRows) {
        Statement rows = QuerySql.matching(filter, COLUMNS);
        List<Object> params = new ArrayList<>();
        params.add(zone);
        params.addAll(rows.params());
        return new Statement(
                "select e.p, date_trunc(" + interval.unitSql("e.p") + ", e.middle, ?) as b, count(*) from (select "
                        + PRECISION + " as p, " + MIDDLE + " as middle from (" + rows.sql() + ") e) e "
                        + "group by 1, 2 order by 2, 1 limit " + maxRows,
                params,
                true);
    }

    /** The same from the maintained counts of every event. */
    public static Statement histogram(Interval interval, String zone, int maxRows) {
        return new Statement(
                "select h.precision, date_trunc(" + interval.unitSql("h.precision") + ", h.bucket, ?) as b, "
                        + "sum(h.event_count) from read_histogram h where h.generation = " + ACTIVE
                        + " and h.event_count <> 0 group by 1, 2 having sum(h.event_count) > 0 order by 2, 1 limit "
                        + maxRows,
                List.of(zone),
                false);
    }
}
