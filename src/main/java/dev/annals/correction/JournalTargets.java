package dev.annals.correction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads, from the journal, the events that changes of an append name and the changes they already had: what the
 * append checks correct and retract against. The timeline's version is read first, so an append made with it as
 * its expected version fails if anything was appended after these reads.
 */
@ApplicationScoped
class JournalTargets {
    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    JournalTargets(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** A journal event: its timeline, and for a change the event it names (else null). */
    record Stored(UUID id, String timelineId, String type, UUID subject, ObjectNode event) {}

    /** The timeline's version and the stored events with these ids and those they name, and their changes. */
    record Snapshot(long version, Map<UUID, Stored> events, Map<UUID, List<Stored>> changes) {}

    /** Reads the snapshot; changes with an id in {@code ignoring} (the append's own, on a retry) are left out. */
    Snapshot read(String timelineId, Collection<UUID> named, Set<UUID> ignoring) {
        try (Connection connection = PooledConnections.get(dataSource)) {
            long version = version(connection, timelineId);
            Map<UUID, Stored> events = new HashMap<>();
            load(connection, named, events);
            List<UUID> subjects = events.values().stream()
                    .map(Stored::subject)
                    .filter(s -> s != null && !events.containsKey(s))
                    .toList();
            load(connection, subjects, events);
            List<UUID> roots = events.values().stream()
                    .filter(e -> e.subject() == null)
                    .map(Stored::id)
                    .toList();
            Map<UUID, List<Stored>> changes = new HashMap<>();
            for (Stored change : changes(connection, roots)) {
                if (!ignoring.contains(change.id())) {
                    changes.computeIfAbsent(change.subject(), k -> new ArrayList<>())
                            .add(change);
                }
            }
            return new Snapshot(version, events, changes);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The occurredAt, as stored, of the journal event {@code id}, if it is stored. */
    java.util.Optional<String> occurredAtOf(UUID id) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement = connection.prepareStatement(
                        "select payload::jsonb ->> 'occurredAt' from journal where event_id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.Optional.ofNullable(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** The timeline of the journal event {@code id}, if it is stored. */
    java.util.Optional<String> timelineOf(UUID id) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement =
                        connection.prepareStatement("select timeline_id from journal where event_id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static long version(Connection connection, String timelineId) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("select version from timeline where timeline_id = ?")) {
            statement.setString(1, timelineId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void load(Connection connection, Collection<UUID> ids, Map<UUID, Stored> into) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select event_id, timeline_id, event_type, subject_id, payload from journal where event_id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Stored stored = stored(rs);
                    into.put(stored.id(), stored);
                }
            }
        }
    }

    private List<Stored> changes(Connection connection, List<UUID> roots) throws SQLException {
        List<Stored> changes = new ArrayList<>();
        if (roots.isEmpty()) {
            return changes;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select event_id, timeline_id, event_type, subject_id, payload from journal "
                        + "where subject_id = any(?) order by timeline_id, sequence")) {
            statement.setArray(1, connection.createArrayOf("uuid", roots.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    changes.add(stored(rs));
                }
            }
        }
        return changes;
    }

    private Stored stored(ResultSet rs) throws SQLException {
        try {
            return new Stored(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, UUID.class),
                    (ObjectNode) mapper.readTree(rs.getString(5)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt journal payload", e);
        }
    }
}
