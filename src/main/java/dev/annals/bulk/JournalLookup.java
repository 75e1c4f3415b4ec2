package dev.annals.bulk;

import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** What an import needs from the journal: which of a chunk's ids are there, and a timeline's version. */
@ApplicationScoped
public class JournalLookup {
    /** A journal row of an id: its timeline and content hash. */
    record Known(String timelineId, String contentHash) {}

    private final AgroalDataSource dataSource;

    public JournalLookup(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The journal rows of those of {@code ids} that are in the journal (one statement). */
    Map<UUID, Known> known(Collection<UUID> ids) {
        Map<UUID, Known> known = new HashMap<>();
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement = connection.prepareStatement(
                        "select event_id, timeline_id, content_hash from journal where event_id = any(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getObject(1, UUID.class), new Known(rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return known;
    }

    /** The timeline's version, empty when it has no events. */
    OptionalLong version(String timelineId) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement =
                        connection.prepareStatement("select version from timeline where timeline_id = ?")) {
            statement.setString(1, timelineId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
