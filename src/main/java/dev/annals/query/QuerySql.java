package dev.annals.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGStatement;

/**
 * The SQL of every read-model query with its parameters, built in one place: {@link EventQuery} runs it, and the
 * benchmark harness runs the very same statements raw to compare.
 */
public final class QuerySql {
    private QuerySql() {}

    /**
     * A statement and its parameters. A filtered query is planned with its values every time (never as a
     * server-side prepared statement, whose generic plan cannot see them): how selective an actor, a tag or a
     * word is decides between walking the keyset index and collecting the matches first, and a wrong guess
     * costs seconds.
     */
    public record Statement(String sql, List<Object> params, boolean planEachTime) {
        /** Prepares and binds the statement on {@code connection}. */
        public PreparedStatement prepare(Connection connection) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < params.size(); i++) {
                Object value = params.get(i);
                if (value instanceof SqlFilter.TextArray array) {
                    statement.setArray(
                            i + 1,
                            connection.createArrayOf("text", array.values().toArray()));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            if (planEachTime) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            return statement;
        }
    }

    /**
     * A page of {@code limit} events (one more row tells whether a next page exists), after the keyset position
     * {@code after} = {occurredAt, timelineId, sequence} when given.
     */
    public static Statement events(EventFilter filter, Object[] after, int limit) {
        String direction = filter.descending() ? "desc" : "asc";
        String order = " order by e.occurred_at " + direction + ", e.timeline_id " + direction + ", e.sequence "
                + direction + " limit " + (limit + 1);
        List<String> pages = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SqlFilter sql : SqlFilter.versions(filter)) {
            if (after != null) {
                // the redundant bound on occurred_at alone lets an index that is not led by occurred_at (one
                // timeline's, one type's) start at the cursor
                sql.and(
                        "(e.occurred_at, e.timeline_id, e.sequence) " + (filter.descending() ? "<" : ">")
                                + " (?, ?, ?) and e.occurred_at " + (filter.descending() ? "<=" : ">=") + " ?",
                        after[0],
                        after[1],
                        after[2],
                        after[0]);
            }
            pages.add("select e.payload, e.occurred_at, e.timeline_id, e.sequence, " + SqlFilter.MARKS + " from "
                    + sql.source + " where " + sql.where + order);
            params.addAll(sql.params);
        }
        return new Statement(union(pages, order), params, true);
    }

    /** One statement, or the union of one page per half (each planned on its own indexes), ordered again. */
    private static String union(List<String> parts, String order) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return "select * from ("
                + String.join(
                        " union all ", parts.stream().map(p -> "(" + p + ")").toList()) + ") e" + order;
    }

    /** One event by id, retracted or not, as of {@code asOf} (null: now). */
    public static Statement event(UUID eventId, OffsetDateTime asOf) {
        return byId(eventId, asOf, "e.payload, " + SqlFilter.MARKS);
    }

    /** The order key (occurredAt, timelineId, sequence) of an event, retracted or not, as of {@code asOf}. */
    static Statement key(UUID eventId, OffsetDateTime asOf) {
        return byId(eventId, asOf, "e.occurred_at, e.timeline_id, e.sequence");
    }

    private static Statement byId(UUID eventId, OffsetDateTime asOf, String columns) {
        EventFilter any = EventFilter.of(List.of(), false, asOf, true);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SqlFilter sql : SqlFilter.versions(any)) {
            sql.and("e.event_id = ?", eventId);
            parts.add("select " + columns + " from " + sql.source + " where " + sql.where);
            params.addAll(sql.params);
        }
        return new Statement(String.join(" union all ", parts), params, false);
    }

    /** The first page of actors of the matching events (one more row tells whether a next page exists). */
    public static Statement actors(EventFilter filter, int limit) {
        return actors(filter, null, limit);
    }

    /**
     * A page of actors of the matching events, most frequent first, ties by id, after the keyset position
     * {@code after} = {eventCount, actorId} when given: from the maintained counts without a filter, counted
     * within a filter. One more row than {@code limit} tells whether a next page exists.
     */
    public static Statement actors(EventFilter filter, Object[] after, int limit) {
        List<Object> params = new ArrayList<>();
        if (filter.matchesAll()) {
            String keyset = "";
            if (after != null) {
                keyset = " and (a.event_count < ? or (a.event_count = ? and a.actor_id > ?))";
                params.addAll(List.of(after[0], after[0], after[1]));
            }
            return new Statement(
                    "select a.actor_id, a.name, a.event_count from read_actor a where a.generation = "
                            + "(select active_generation from projection_state where projection = 'timeline')"
                            + keyset + " order by a.event_count desc, a.actor_id limit " + (limit + 1),
                    params,
                    false);
        }
        Statement rows = matching(filter, "e.actor_ids, e.actor_names");
        params.addAll(rows.params());
        String having = "";
        if (after != null) {
            having = " having count(*) < ? or (count(*) = ? and a.id > ?)";
            params.addAll(List.of(after[0], after[0], after[1]));
        }
        return new Statement(
                "select a.id, max(a.name), count(*) from (" + rows.sql() + ") e "
                        + "cross join lateral unnest(e.actor_ids, e.actor_names) as a(id, name)"
                        + " group by a.id" + having + " order by count(*) desc, a.id limit " + (limit + 1),
                params,
                true);
    }

    /**
     * The events matching a filter as a subquery selecting {@code columns} of {@code e}: the current view, or as
     * of the filter's asOf the union of its two halves (see {@link SqlFilter#versions}).
     */
    public static Statement matching(EventFilter filter, String columns) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (SqlFilter sql : SqlFilter.versions(filter)) {
            parts.add("select " + columns + " from " + sql.source + " where " + sql.where);
            params.addAll(sql.params);
        }
        return new Statement(String.join(" union all ", parts), params, true);
    }

    /** A page of timelines by id, after {@code afterId} when given (one more row tells whether more follow). */
    public static Statement timelines(String afterId, int limit) {
        List<Object> params = new ArrayList<>();
        if (afterId != null) {
            params.add(afterId);
        }
        return new Statement(
                "select t.timeline_id, t.event_count, t.version, t.first_occurred_at, t.last_occurred_at, "
                        + "m.title, m.description, m.tags from read_timeline t "
                        + "left join timeline_metadata m on m.timeline_id = t.timeline_id "
                        + "where t.generation = (select active_generation from projection_state where projection = "
                        + "'timeline')"
                        + (afterId != null ? " and t.timeline_id > ?" : "")
                        + " order by t.timeline_id limit " + (limit + 1),
                params,
                false);
    }

    /**
     * A page of a timeline's change feed after {@code since} up to {@code upTo}: the events whose latest change
     * (their recording, or their latest correction or retraction) lies in between, in the order of that change;
     * the two halves range-scan the timeline's sequence key and its change index.
     */
    static Statement changes(String timelineId, long since, long upTo, int limit) {
        String columns = "e.payload, " + SqlFilter.MARKS;
        return new Statement(
                "select * from (select 'appended' as kind, e.sequence as position, " + columns
                        + " from read_event e where " + SqlFilter.ACTIVE_GENERATION
                        + " and e.timeline_id = ? and e.sequence > ? and e.sequence <= ? and e.change_sequence is null"
                        + " union all select case when e.retracted_at is null then 'corrected' else 'retracted' end, "
                        + "e.change_sequence, " + columns + " from read_event e where " + SqlFilter.ACTIVE_GENERATION
                        + " and e.timeline_id = ? and e.change_sequence > ? and e.change_sequence <= ?) c "
                        + "order by c.position limit " + (limit + 1),
                List.of(timelineId, since, upTo, timelineId, since, upTo),
                false);
    }

    /** The highest position of the timeline the active generation processed (0 when none). */
    static Statement processed(String timelineId) {
        return new Statement(
                "select coalesce((select e.processed from read_watermark e where " + SqlFilter.ACTIVE_GENERATION
                        + " and e.timeline_id = ?), 0)",
                List.of(timelineId),
                false);
    }

    /** When the timeline's position {@code sequence} was recorded (see {@link EventQuery#recordedAt}). */
    static Statement recordedAt(String timelineId, long sequence) {
        return new Statement(
                // recordedAt never decreases along a timeline: the latest position at or before it has the latest
                "select greatest((select e.recorded_at from read_event e where " + SqlFilter.ACTIVE_GENERATION
                        + " and e.timeline_id = ? and e.sequence <= ? order by e.sequence desc limit 1), "
                        + "(select e.recorded_at from read_change e where " + SqlFilter.ACTIVE_GENERATION
                        + " and e.timeline_id = ? and e.change_sequence <= ? order by e.change_sequence desc limit 1))",
                List.of(timelineId, sequence, timelineId, sequence),
                false);
    }

    /** Whether the active generation processed the timeline's event {@code sequence} (its watermark is there). */
    static Statement reached(String timelineId, long sequence) {
        return new Statement(
                "select exists (select 1 from read_watermark e where " + SqlFilter.ACTIVE_GENERATION
                        + " and e.timeline_id = ? and e.processed >= ?)",
                List.of(timelineId, sequence),
                false);
    }
}
