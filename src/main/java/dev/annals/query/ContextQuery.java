package dev.annals.query;

import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import dev.annals.event.TimelineEvent;
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

/** Reads an event's neighbours on its timeline: two keyset pages from the event's own order key. */
@ApplicationScoped
class ContextQuery {
    private final AgroalDataSource dataSource;
    private final EventQuery events;

    ContextQuery(@DataSource("read") AgroalDataSource dataSource, EventQuery events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /**
     * The event and up to {@code before} / {@code after} events next to it in the order of {@code filter} (its
     * timeline, asOf and include), oldest first; empty when the event is unknown (as of then).
     */
    Optional<EventContext> context(UUID eventId, EventFilter filter, int before, int after) {
        try (Connection connection = PooledConnections.get(dataSource)) {
            Object[] key;
            try (PreparedStatement statement =
                            QuerySql.key(eventId, filter.asOf()).prepare(connection);
                    ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                key = new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getLong(3)};
            }
            List<String> timeline = List.of((String) key[1]);
            List<TimelineEvent> earlier = neighbours(
                    connection, EventFilter.of(timeline, true, filter.asOf(), filter.includeRetracted()), key, before);
            java.util.Collections.reverse(earlier);
            List<TimelineEvent> later = neighbours(
                    connection, EventFilter.of(timeline, false, filter.asOf(), filter.includeRetracted()), key, after);
            TimelineEvent event =
                    events.event(connection, eventId, filter.asOf()).orElseThrow();
            return Optional.of(new EventContext(earlier, event, later));
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private List<TimelineEvent> neighbours(Connection connection, EventFilter filter, Object[] key, int limit)
            throws SQLException {
        List<TimelineEvent> found = new ArrayList<>();
        if (limit == 0) {
            return found;
        }
        try (PreparedStatement statement = QuerySql.events(filter, key, limit).prepare(connection);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next() && found.size() < limit) {
                found.add(events.parse(rs, 1, 5));
            }
        }
        return found;
    }
}
