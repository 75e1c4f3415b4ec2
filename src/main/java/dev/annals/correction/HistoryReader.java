package dev.annals.correction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import dev.annals.event.Source;
import dev.annals.event.TimelineEvent;
import dev.annals.query.EventQuery;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads an event's history from the read model: its superseded versions, its current one and its changes. */
@ApplicationScoped
class HistoryReader {
    private static final String ACTIVE =
            "generation = (select active_generation from projection_state where projection = 'timeline')";
    private static final String MARKS = "payload, revisions, corrected_at, retracted_at, retraction_reason";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final EventQuery events;

    HistoryReader(@DataSource("read") AgroalDataSource dataSource, ObjectMapper mapper, EventQuery events) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.events = events;
    }

    Optional<EventHistory> history(UUID eventId) {
        try (Connection connection = PooledConnections.get(dataSource)) {
            List<TimelineEvent> versions = new ArrayList<>();
            read(
                    connection,
                    "select " + MARKS + " from read_event_revision where " + ACTIVE
                            + " and event_id = ? order by revisions",
                    eventId,
                    versions);
            read(
                    connection,
                    "select " + MARKS + " from read_event where " + ACTIVE + " and event_id = ?",
                    eventId,
                    versions);
            if (versions.isEmpty()) {
                return Optional.empty();
            }
            TimelineEvent current = versions.get(versions.size() - 1);
            List<HistoryEntry> entries = new ArrayList<>();
            TimelineEvent original = versions.get(0);
            entries.add(new HistoryEntry(
                    0,
                    "recorded",
                    original.timelineId() + ":" + original.sequence(),
                    original.recordedAt(),
                    original.recordedBy(),
                    null,
                    null,
                    null,
                    null,
                    original));
            int revision = 0;
            for (TimelineEvent change : changes(connection, eventId)) {
                ChangeKind kind = ChangeKind.of(change.type()).orElseThrow();
                if (kind == ChangeKind.CORRECTED) {
                    revision++;
                }
                TimelineEvent after =
                        kind == ChangeKind.CORRECTED && revision < versions.size() ? versions.get(revision) : current;
                entries.add(new HistoryEntry(
                        revision,
                        kind.wire(),
                        change.timelineId() + ":" + change.sequence(),
                        change.recordedAt(),
                        change.recordedBy(),
                        change.id(),
                        kind == ChangeKind.CORRECTED ? change.data().get("changes") : null,
                        change.data().path("reason").asText(null),
                        source(change),
                        after));
            }
            return Optional.of(new EventHistory(eventId, current.timelineId(), entries));
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private void read(Connection connection, String sql, UUID eventId, List<TimelineEvent> into) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    into.add(events.parse(rs, 1, 2));
                }
            }
        }
    }

    private List<TimelineEvent> changes(Connection connection, UUID eventId) throws SQLException {
        List<TimelineEvent> changes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select payload from read_change where " + ACTIVE
                + " and event_id = ? and outcome = 'applied' order by change_sequence")) {
            statement.setObject(1, eventId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    try {
                        changes.add(mapper.readValue(rs.getString(1), TimelineEvent.class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("Corrupt change payload of event " + eventId, e);
                    }
                }
            }
        }
        return changes;
    }

    private Source source(TimelineEvent change) {
        if (!change.data().path("source").isObject()) {
            return null;
        }
        try {
            return mapper.treeToValue(change.data().get("source"), Source.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
