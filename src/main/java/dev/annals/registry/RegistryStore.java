package dev.annals.registry;

import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
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

/**
 * The registry's tables (migration V8) in plain JDBC on the write datasource. Writes run inside the caller's JTA
 * transaction; {@link #nextRevision} takes the registry's single row lock, so registrations are serialised.
 */
@ApplicationScoped
public class RegistryStore {
    private static final String HEAD_COLUMNS =
            "event_type, title, description, latest_version, created_at, " + "updated_at, deprecated_at, revision";
    private static final String VERSION_COLUMNS =
            "event_type, version, schema_document, examples, upcast, content_hash, created_at";

    private final AgroalDataSource dataSource;

    public RegistryStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Heads changed after {@code revision}, oldest change first. */
    public List<TypeHead> headsSince(long revision) {
        return heads("select " + HEAD_COLUMNS + " from event_type where revision > ? order by revision", revision);
    }

    public Optional<TypeHead> head(String type) {
        List<TypeHead> found = heads("select " + HEAD_COLUMNS + " from event_type where event_type = ?", type);
        return found.stream().findFirst();
    }

    /** Up to {@code limit} heads by name, after {@code after} (null: from the first). */
    public List<TypeHead> page(String after, int limit) {
        return heads(
                "select " + HEAD_COLUMNS + " from event_type where event_type > ? order by event_type limit ?",
                after == null ? "" : after,
                limit);
    }

    public Optional<StoredVersion> version(String type, int version) {
        return versions(
                        "select " + VERSION_COLUMNS + " from event_type_version where event_type = ? and version = ?",
                        type,
                        version)
                .stream()
                .findFirst();
    }

    /** The next registry revision; locks the registry row until the surrounding transaction ends. */
    public long nextRevision() {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement update = connection.prepareStatement(
                        "update event_type_registry set revision = revision + 1 returning revision");
                ResultSet rs = update.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    public void insertHead(TypeHead head) {
        execute(
                "insert into event_type (" + HEAD_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
                head.type(),
                head.title(),
                head.description(),
                head.latestVersion(),
                head.createdAt(),
                head.updatedAt(),
                head.deprecatedAt(),
                head.revision());
    }

    public void updateHead(TypeHead head) {
        execute(
                "update event_type set title = ?, description = ?, latest_version = ?, updated_at = ?, "
                        + "deprecated_at = ?, revision = ? where event_type = ?",
                head.title(),
                head.description(),
                head.latestVersion(),
                head.updatedAt(),
                head.deprecatedAt(),
                head.revision(),
                head.type());
    }

    public void insertVersion(StoredVersion v) {
        execute(
                "insert into event_type_version (" + VERSION_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)",
                v.type(),
                v.version(),
                v.schemaDocument(),
                v.examples(),
                v.upcast(),
                v.contentHash(),
                v.createdAt());
    }

    private List<TypeHead> heads(String sql, Object... parameters) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement select = prepare(connection, sql, parameters);
                ResultSet rs = select.executeQuery()) {
            List<TypeHead> heads = new ArrayList<>();
            while (rs.next()) {
                heads.add(new TypeHead(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, OffsetDateTime.class),
                        rs.getLong(8)));
            }
            return heads;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private List<StoredVersion> versions(String sql, Object... parameters) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement select = prepare(connection, sql, parameters);
                ResultSet rs = select.executeQuery()) {
            List<StoredVersion> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(new StoredVersion(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class)));
            }
            return versions;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private void execute(String sql, Object... parameters) {
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
