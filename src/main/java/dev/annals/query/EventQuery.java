package dev.annals.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.event.Times;
import dev.annals.event.TimelineEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.postgresql.PGStatement;

/** Reads the timeline read model (never the journal): filtered, keyset-paginated event queries and aggregates. */
@ApplicationScoped
public class EventQuery {
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Cursors cursors;

    public EventQuery(AgroalDataSource dataSource, ObjectMapper mapper, Cursors cursors) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.cursors = cursors;
    }

    /** One page, ordered by occurredAt, then timeline id, then sequence. */
    public EventPage events(EventFilter filter, String cursor, int limit) {
        SqlFilter sql = new SqlFilter(filter);
        String direction = filter.descending() ? "desc" : "asc";
        if (cursor != null && !cursor.isBlank()) {
            List<String> key = cursors.decode(cursor, filter.fingerprint(), 3);
            Object[] after;
            try {
                after = new Object[] {OffsetDateTime.parse(key.get(0)), key.get(1), Long.parseLong(key.get(2))};
            } catch (RuntimeException e) {
                throw QueryParsing.invalid("cursor", "cursor", "the cursor's position is malformed");
            }
            // the redundant bound on occurred_at alone lets an index that is not led by occurred_at (one
            // timeline's, one type's) start at the cursor
            sql.and("(e.occurred_at, e.timeline_id, e.sequence) " + (filter.descending() ? "<" : ">") + " (?, ?, ?)"
                    + " and e.occurred_at " + (filter.descending() ? "<=" : ">=") + " ?", after[0], after[1], after[2],
                    after[0]);
        }
        String query = "select e.payload, e.occurred_at, e.timeline_id, e.sequence from read_event e where "
                + sql.where + " order by e.occurred_at " + direction + ", e.timeline_id " + direction
                + ", e.sequence " + direction + " limit " + (limit + 1);
        List<TimelineEvent> events = new ArrayList<>();
        List<String> lastKey = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepareFiltered(connection, query, sql.params);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (events.size() == limit) {
                    return new EventPage(events, cursors.encode(filter.fingerprint(), lastKey));
                }
                events.add(parse(rs.getString(1)));
                lastKey = List.of(rs.getObject(2, OffsetDateTime.class).toString(), rs.getString(3),
                        Long.toString(rs.getLong(4)));
            }
        } catch (SQLException e) {
            throw new QueryFailedException(e);
        }
        return new EventPage(events, null);
    }

    public Optional<TimelineEvent> event(UUID eventId) {
        String query = "select e.payload from read_event e where " + SqlFilter.ACTIVE_GENERATION
                + " and e.event_id = ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, query, List.of(eventId));
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            throw new QueryFailedException(e);
        }
    }

    /**
     * Actors of the matching events with how many matching events name them, most frequent first. Without a filter
     * the counts the projection maintains answer; a filter bounds the events to count.
     */
    public List<ActorSummary> actors(EventFilter filter, int limit) {
        SqlFilter sql = new SqlFilter(filter);
        String query = filter.matchesAll()
                ? "select a.actor_id, a.name, a.event_count from read_actor a where a.generation = (select "
                + "active_generation from projection_state where projection = 'timeline') "
                + "order by a.event_count desc, a.actor_id limit " + limit
                : "select a.id, max(a.name), count(*) from read_event e "
                + "cross join lateral unnest(e.actor_ids, e.actor_names) as a(id, name) where " + sql.where
                + " group by a.id order by count(*) desc, a.id limit " + limit;
        List<ActorSummary> actors = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = filter.matchesAll() ? prepare(connection, query, List.of())
                     : prepareFiltered(connection, query, sql.params);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                actors.add(new ActorSummary(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new QueryFailedException(e);
        }
        return actors;
    }

    /** Timelines of the read model ordered by id, after the cursor's id. */
    public TimelinePage timelines(String cursor, int limit) {
        String fingerprint = "timelines";
        List<Object> params = new ArrayList<>();
        String after = "";
        if (cursor != null && !cursor.isBlank()) {
            after = " and t.timeline_id > ?";
            params.add(cursors.decode(cursor, fingerprint, 1).get(0));
        }
        String query = "select t.timeline_id, t.event_count, t.version, t.first_occurred_at, t.last_occurred_at "
                + "from read_timeline t where t.generation = (select active_generation from projection_state "
                + "where projection = 'timeline')" + after + " order by t.timeline_id limit " + (limit + 1);
        List<TimelineListItem> timelines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, query, params);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (timelines.size() == limit) {
                    String last = timelines.get(timelines.size() - 1).timelineId();
                    return new TimelinePage(timelines, cursors.encode(fingerprint, List.of(last)));
                }
                timelines.add(new TimelineListItem(rs.getString(1), null, rs.getLong(2), rs.getLong(3),
                        Times.utc(rs.getObject(4, OffsetDateTime.class)),
                        Times.utc(rs.getObject(5, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw new QueryFailedException(e);
        }
        return new TimelinePage(timelines, null);
    }

    /**
     * Whether the active generation holds the timeline's event {@code sequence} or a later one; per-partition order
     * means everything before it was processed (applied, or dead-lettered if it was unreadable).
     */
    public boolean reached(String timelineId, long sequence) {
        String query = "select exists (select 1 from read_event e where " + SqlFilter.ACTIVE_GENERATION
                + " and e.timeline_id = ? and e.sequence >= ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, query, List.of(timelineId, sequence));
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new QueryFailedException(e);
        }
    }

    /**
     * A filtered query is planned with its values every time (never as a server-side prepared statement, whose
     * generic plan cannot see them): how selective an actor, a tag or a word is decides between walking the
     * keyset index and collecting the matches first, and a wrong guess costs seconds.
     */
    private static PreparedStatement prepareFiltered(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement statement = prepare(connection, sql, params);
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        return statement;
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value instanceof SqlFilter.TextArray array) {
                statement.setArray(i + 1, connection.createArrayOf("text", array.values().toArray()));
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private TimelineEvent parse(String payload) {
        try {
            return mapper.readValue(payload, TimelineEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt read-model payload", e);
        }
    }
}
