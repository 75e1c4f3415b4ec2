package dev.annals.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import dev.annals.event.TimelineEvent;
import dev.annals.event.Times;
import dev.annals.http.Cursors;
import dev.annals.registry.ReadUpcasting;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
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

/**
 * Reads the timeline read model (never the journal): filtered, keyset-paginated event queries and aggregates, on
 * the {@code read} datasource (its own bounded pool and statement timeout, optionally a replica).
 */
@ApplicationScoped
public class EventQuery {
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final Cursors cursors;
    private final ReadUpcasting upcasting;

    public EventQuery(
            @DataSource("read") AgroalDataSource dataSource,
            ObjectMapper mapper,
            Cursors cursors,
            ReadUpcasting upcasting) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.cursors = cursors;
        this.upcasting = upcasting;
    }

    /**
     * One page, ordered by occurredAt, then timeline id, then sequence. A cursor carries the page's asOf: a next page
     * is answered as of the same instant, whether or not the request repeats it.
     */
    public EventPage events(EventFilter filter, String cursor, int limit) {
        Object[] after = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> key = cursors.decode(cursor, filter.fingerprint(), 4);
            try {
                after = new Object[] {OffsetDateTime.parse(key.get(0)), key.get(1), Long.parseLong(key.get(2))};
            } catch (RuntimeException e) {
                throw QueryParsing.invalid("cursor", "cursor", "the cursor's position is malformed");
            }
            filter = AsOfParam.fromCursor(filter, key.get(3));
        }
        String asOf = filter.asOf() == null ? "" : filter.asOf().toString();
        List<TimelineEvent> events = new ArrayList<>();
        List<String> lastKey = null;
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement =
                        QuerySql.events(filter, after, limit).prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (events.size() == limit) {
                    return new EventPage(events, cursors.encode(filter.fingerprint(), lastKey));
                }
                events.add(parse(rs, 1, 5));
                lastKey = List.of(
                        rs.getObject(2, OffsetDateTime.class).toString(),
                        rs.getString(3),
                        Long.toString(rs.getLong(4)),
                        asOf);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return new EventPage(events, null);
    }

    /** One event by id as of {@code asOf} (null: now), marked when corrected or retracted. */
    public Optional<TimelineEvent> event(UUID eventId, OffsetDateTime asOf) {
        try (Connection connection = PooledConnections.get(dataSource)) {
            return event(connection, eventId, asOf);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** {@link #event(UUID, OffsetDateTime)} on a connection the caller holds. */
    Optional<TimelineEvent> event(Connection connection, UUID eventId, OffsetDateTime asOf) throws SQLException {
        try (PreparedStatement statement = QuerySql.event(eventId, asOf).prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(parse(rs, 1, 2)) : Optional.empty();
        }
    }

    /**
     * When the timeline's event or change at {@code sequence} was recorded, as the read model holds it; for a
     * position it does not hold (dead-lettered), the latest recording before it; empty when there is none.
     */
    public Optional<OffsetDateTime> recordedAt(String timelineId, long sequence) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement =
                        QuerySql.recordedAt(timelineId, sequence).prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class));
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * A page of the actors of the matching events with how many matching events name them, most frequent first,
     * ties by id. Without a filter the counts the projection maintains answer; a filter bounds the events to count.
     * Counts are those of each page's moment: an actor whose count changes during a walk may move between pages.
     */
    public ActorPage actors(EventFilter filter, String cursor, int limit) {
        String fingerprint = "actors" + filter.fingerprint();
        Object[] after = null;
        if (cursor != null && !cursor.isBlank()) {
            List<String> key = cursors.decode(cursor, fingerprint, 3);
            try {
                after = new Object[] {Long.parseLong(key.get(0)), key.get(1)};
            } catch (RuntimeException e) {
                throw QueryParsing.invalid("cursor", "cursor", "the cursor's position is malformed");
            }
            filter = AsOfParam.fromCursor(filter, key.get(2));
        }
        String asOf = filter.asOf() == null ? "" : filter.asOf().toString();
        List<ActorSummary> actors = new ArrayList<>();
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement =
                        QuerySql.actors(filter, after, limit).prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (actors.size() == limit) {
                    ActorSummary last = actors.get(actors.size() - 1);
                    return new ActorPage(
                            actors,
                            cursors.encode(fingerprint, List.of(Long.toString(last.eventCount()), last.id(), asOf)));
                }
                actors.add(new ActorSummary(rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return new ActorPage(actors, null);
    }

    /** Timelines of the read model ordered by id, after the cursor's id. */
    public TimelinePage timelines(String cursor, int limit) {
        String fingerprint = "timelines";
        String after = cursor != null && !cursor.isBlank()
                ? cursors.decode(cursor, fingerprint, 1).get(0)
                : null;
        List<TimelineListItem> timelines = new ArrayList<>();
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement = QuerySql.timelines(after, limit).prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (timelines.size() == limit) {
                    String last = timelines.get(timelines.size() - 1).timelineId();
                    return new TimelinePage(timelines, cursors.encode(fingerprint, List.of(last)));
                }
                java.sql.Array tags = rs.getArray(8);
                timelines.add(new TimelineListItem(
                        rs.getString(1),
                        rs.getString(6),
                        rs.getString(7),
                        tags == null ? null : List.of((String[]) tags.getArray()),
                        rs.getLong(2),
                        rs.getLong(3),
                        Times.utc(rs.getObject(4, OffsetDateTime.class)),
                        Times.utc(rs.getObject(5, OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return new TimelinePage(timelines, null);
    }

    /**
     * Whether the active generation processed the timeline's event {@code sequence} or a later one (applied it,
     * skipped it as a duplicate or dead-lettered it); per-partition order means everything before it was too.
     */
    public boolean reached(String timelineId, long sequence) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement =
                        QuerySql.reached(timelineId, sequence).prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The event in column {@code payload}, upcast, with the marks that start at column {@code marks}. */
    public TimelineEvent parse(ResultSet rs, int payload, int marks) throws SQLException {
        try {
            return upcasting
                    .current(mapper.readValue(rs.getString(payload), TimelineEvent.class))
                    .withMarks(
                            rs.getInt(marks),
                            Times.utc(rs.getObject(marks + 1, OffsetDateTime.class)),
                            Times.utc(rs.getObject(marks + 2, OffsetDateTime.class)),
                            rs.getString(marks + 3));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt read-model payload", e);
        }
    }
}
