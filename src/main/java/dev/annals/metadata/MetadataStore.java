package dev.annals.metadata;

import dev.annals.error.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Timeline metadata in {@code timeline_metadata}, on the write datasource (last write wins). */
@ApplicationScoped
public class MetadataStore {
    private static final String UPSERT = """
            insert into timeline_metadata (timeline_id, title, description, tags, updated_at, updated_by)
            values (?, ?, ?, ?, ?, ?)
            on conflict (timeline_id) do update set title = excluded.title, description = excluded.description,
                tags = excluded.tags, updated_at = excluded.updated_at, updated_by = excluded.updated_by""";

    private static final String READ = "select timeline_id, title, description, tags, updated_at, updated_by "
            + "from timeline_metadata where timeline_id = ?";

    private final AgroalDataSource dataSource;

    public MetadataStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    TimelineMetadata put(String timelineId, MetadataRequest request, String subject) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setString(1, timelineId);
            statement.setString(2, request.title());
            statement.setString(3, request.description());
            statement.setArray(
                    4, connection.createArrayOf("text", request.tags().toArray()));
            statement.setObject(5, now);
            statement.setString(6, subject);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return new TimelineMetadata(timelineId, request.title(), request.description(), request.tags(), now, subject);
    }

    Optional<TimelineMetadata> get(String timelineId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setString(1, timelineId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TimelineMetadata(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        tags(rs.getArray(4)),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6)));
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
