package dev.annals.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The read-model statements of the live feed: the events and the applied changes whose topic records lie in given
 * offset ranges, filtered with the very conditions of an event query (current view).
 */
public final class LiveSql {
    private LiveSql() {}

    /** The offset ranges [from, to) per partition that a statement reads. */
    public record Ranges(int[] partitions, long[] from, long[] to) {}

    private static final String RANGES = " join unnest(?::int[], ?::bigint[], ?::bigint[]) as r(p, lo, hi) on "
            + "%1$s.record_partition = r.p and %1$s.record_offset >= r.lo and %1$s.record_offset < r.hi";

    /**
     * The matching events recorded in the ranges: payload, the four marks, record partition and offset, ordered
     * by partition and offset.
     */
    public static QuerySql.Statement events(EventFilter filter, Ranges ranges) {
        SqlFilter sql = new SqlFilter(filter.withAsOf(null));
        List<Object> params = new ArrayList<>(bind(ranges));
        params.addAll(sql.params);
        return new QuerySql.Statement(
                "select e.payload, " + SqlFilter.MARKS + ", e.record_partition, e.record_offset from read_event e"
                        + RANGES.formatted("e") + " where " + sql.where
                        + " order by e.record_partition, e.record_offset",
                params,
                true);
    }

    /**
     * The applied corrections and retractions recorded in the ranges whose event matches the filter now (retracted
     * or not) or matched it in an earlier version, so that a change moving an event out of the filter is seen:
     * change payload, kind, event payload, the four marks, record partition and offset, ordered by partition and
     * offset.
     */
    public static QuerySql.Statement changes(EventFilter filter, Ranges ranges) {
        EventFilter any = filter.withAsOf(null).withRetracted(true);
        SqlFilter current = new SqlFilter(any);
        List<Object> params = new ArrayList<>(bind(ranges));
        String matches = current.where.toString();
        params.addAll(current.params);
        if (filtered(filter)) {
            // the inner alias e shadows the outer one: the same conditions over the superseded versions
            SqlFilter earlier = new SqlFilter(any);
            matches = "((" + matches + ") or exists (select 1 from read_event_revision e where " + earlier.where
                    + " and e.event_id = c.event_id))";
            params.addAll(earlier.params);
        }
        return new QuerySql.Statement(
                "select c.payload, c.kind, e.payload, " + SqlFilter.MARKS + ", c.record_partition, c.record_offset"
                        + " from read_change c" + RANGES.formatted("c")
                        + " join read_event e on e.generation = c.generation and e.event_id = c.event_id"
                        + " where c.generation = (select active_generation from projection_state where projection = "
                        + "'timeline') and c.outcome = 'applied' and " + matches
                        + " order by c.record_partition, c.record_offset",
                params,
                true);
    }

    private static boolean filtered(EventFilter f) {
        return !(f.timelines().isEmpty()
                && f.types().isEmpty()
                && f.actors().isEmpty()
                && f.tags().isEmpty()
                && f.sources().isEmpty()
                && f.reliabilities().isEmpty()
                && f.from() == null
                && f.to() == null
                && f.q() == null);
    }

    private static List<Object> bind(Ranges ranges) {
        return List.of(ranges.partitions(), ranges.from(), ranges.to());
    }
}
