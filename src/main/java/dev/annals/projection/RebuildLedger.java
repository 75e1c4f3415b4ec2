package dev.annals.projection;

import dev.annals.error.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The table {@code projection_rebuild}: one row per rebuild with its state, owning instance, heartbeat, counts and
 * the reason it ended without switching; every instance reads the same rows. State changes that go with a change
 * of {@code projection_state} are written by {@link Generations} in its transaction.
 */
@ApplicationScoped
public class RebuildLedger {
    private final AgroalDataSource dataSource;

    public RebuildLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One rebuild as stored. */
    public record Rebuild(
            int generation,
            RebuildState state,
            OffsetDateTime startedAt,
            OffsetDateTime updatedAt,
            String owner,
            long applied,
            long deadLettered,
            Comparison comparison,
            String reason) {}

    /** The live generation against a caught-up rebuild, over the same offsets; null fields while unknown. */
    public record Comparison(Long liveEvents, Long rebuiltEvents, Long rejectedLive, Long missing) {
        static final Comparison UNKNOWN = new Comparison(null, null, null, null);
    }

    /** The most recent rebuild, if any was ever started. */
    public Optional<Rebuild> latest() {
        return query("select * from projection_rebuild where projection = ? order by generation desc limit 1", null);
    }

    public Optional<Rebuild> find(int generation) {
        return query("select * from projection_rebuild where projection = ? and generation = ?", generation);
    }

    /** Reports that {@code owner} still runs the rebuild; false when it no longer owns it (or it ended). */
    public boolean heartbeat(int generation, String owner) {
        return update(
                        "update projection_rebuild set updated_at = now() where generation = ? and owner = ? "
                                + "and state = 'rebuilding'",
                        generation,
                        owner)
                == 1;
    }

    /** On a clean stop: the rebuild stays in progress, owned by nobody, so the next instance to look resumes it. */
    public void release(int generation, String owner) {
        update(
                "update projection_rebuild set owner = null, updated_at = now() where generation = ? and owner = ? "
                        + "and state = 'rebuilding'",
                generation,
                owner);
    }

    static void insert(Connection connection, int generation, String owner) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into projection_rebuild "
                + "(generation, projection, state, started_at, updated_at, owner) "
                + "values (?, ?, 'rebuilding', now(), now(), ?)")) {
            statement.setInt(1, generation);
            statement.setString(2, ProjectionStore.PROJECTION);
            statement.setString(3, owner);
            statement.executeUpdate();
        }
    }

    /** Ends a rebuild that is still in progress; returns whether it was. */
    static boolean end(Connection connection, int generation, RebuildState state, String reason, Comparison counts)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update projection_rebuild set "
                + "state = ?::projection_rebuild_state, reason = ?, updated_at = now(), live_events = ?, "
                + "rebuilt_events = ?, rejected_live = ?, missing = ? where generation = ? and state = 'rebuilding'")) {
            statement.setString(1, state.wire());
            statement.setString(2, reason);
            statement.setObject(3, counts.liveEvents(), java.sql.Types.BIGINT);
            statement.setObject(4, counts.rebuiltEvents(), java.sql.Types.BIGINT);
            statement.setObject(5, counts.rejectedLive(), java.sql.Types.BIGINT);
            statement.setObject(6, counts.missing(), java.sql.Types.BIGINT);
            statement.setInt(7, generation);
            return statement.executeUpdate() == 1;
        }
    }

    /** Takes over the rebuild of {@code generation} if it is ownerless or its owner went quiet; returns whether. */
    static boolean claim(Connection connection, int generation, String owner, long staleSeconds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update projection_rebuild set owner = ?, "
                + "updated_at = now() where generation = ? and state = 'rebuilding' and (owner is null or owner = ? "
                + "or updated_at < now() - make_interval(secs => ?))")) {
            statement.setString(1, owner);
            statement.setInt(2, generation);
            statement.setString(3, owner);
            statement.setLong(4, staleSeconds);
            return statement.executeUpdate() == 1;
        }
    }

    private Optional<Rebuild> query(String sql, Integer generation) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, ProjectionStore.PROJECTION);
            if (generation != null) {
                statement.setInt(2, generation);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static Rebuild read(ResultSet rs) throws SQLException {
        return new Rebuild(
                rs.getInt("generation"),
                RebuildState.of(rs.getString("state")),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("owner"),
                rs.getLong("applied"),
                rs.getLong("dead_lettered"),
                new Comparison(
                        rs.getObject("live_events", Long.class),
                        rs.getObject("rebuilt_events", Long.class),
                        rs.getObject("rejected_live", Long.class),
                        rs.getObject("missing", Long.class)),
                rs.getString("reason"));
    }

    private int update(String sql, int generation, String owner) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, generation);
            statement.setString(2, owner);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
