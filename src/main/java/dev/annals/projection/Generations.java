package dev.annals.projection;

import dev.annals.error.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/** Blue/green generations of the timeline projection: start a rebuild, switch to it, drop the old one. */
@ApplicationScoped
public class Generations {
    /** Every table whose rows belong to one generation. */
    private static final String[] GENERATION_TABLES = {"read_event", "read_timeline", "read_actor"};

    private final AgroalDataSource dataSource;
    private final ProjectionStore store;

    public Generations(AgroalDataSource dataSource, ProjectionStore store) {
        this.dataSource = dataSource;
        this.store = store;
    }

    /** Active and building generation of the projection. */
    private record State(int active, Integer building) {}

    /** Reserves a new generation to rebuild into, discarding any unfinished rebuild. */
    @Transactional
    public int startRebuild() {
        try (Connection connection = dataSource.getConnection()) {
            State state = state(connection, " for update");
            int next = Math.max(state.active(), state.building() == null ? 0 : state.building()) + 1;
            update(connection, state.active(), next);
            return next; // rows of an abandoned rebuild are removed by dropInactive()
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Makes {@code generation} the active one if it holds at least everything the active one holds (its offsets
     * are at or past the active generation's on every partition); returns whether it switched. The state row is
     * locked for update, so no live batch (which holds a share lock on it) is half-way through meanwhile.
     */
    @Transactional
    public boolean trySwitch(int generation, String topic) {
        try (Connection connection = dataSource.getConnection()) {
            State state = state(connection, " for update");
            if (!Integer.valueOf(generation).equals(state.building())) {
                return false;
            }
            Map<Integer, Long> active = store.offsets(state.active(), topic);
            Map<Integer, Long> rebuilt = store.offsets(generation, topic);
            for (Map.Entry<Integer, Long> partition : active.entrySet()) {
                if (rebuilt.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                    return false;
                }
            }
            update(connection, generation, null);
            return true;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Deletes the rows of every generation that is neither active nor being built (abandoned rebuilds included).
     * No state lock is held while deleting: live batches only touch the active generation, and generation numbers
     * are never reused.
     */
    @Transactional
    public void dropInactive() {
        try (Connection connection = dataSource.getConnection()) {
            State state = state(connection, "");
            int building = state.building() == null ? state.active() : state.building();
            for (String table : GENERATION_TABLES) {
                delete(
                        connection,
                        "delete from " + table + " where generation not in (?, ?)",
                        state.active(),
                        building);
            }
            delete(
                    connection,
                    "delete from projection_offset where projection = '" + ProjectionStore.PROJECTION
                            + "' and generation not in (?, ?)",
                    state.active(),
                    building);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static State state(Connection connection, String lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select active_generation, "
                + "building_generation from projection_state where projection = ?" + lock)) {
            statement.setString(1, ProjectionStore.PROJECTION);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int active = rs.getInt(1);
                int building = rs.getInt(2);
                return new State(active, rs.wasNull() ? null : building);
            }
        }
    }

    private static void update(Connection connection, int active, Integer building) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("update projection_state set "
                + "active_generation = ?, building_generation = ?, updated_at = now() where projection = ?")) {
            statement.setInt(1, active);
            statement.setObject(2, building, java.sql.Types.INTEGER);
            statement.setString(3, ProjectionStore.PROJECTION);
            statement.executeUpdate();
        }
    }

    private static void delete(Connection connection, String sql, int active, int building) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, active);
            statement.setInt(2, building);
            statement.executeUpdate();
        }
    }
}
