package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.error.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * Blue/green generations of the timeline projection: start a rebuild, switch to it (or refuse to, when it would
 * lose events), abandon or resume it. Every change of {@code projection_state} happens under its row lock, with
 * the matching change of the rebuild's row in {@code projection_rebuild}.
 */
@ApplicationScoped
public class Generations {
    private final AgroalDataSource dataSource;
    private final ProjectionStore store;
    private final AnnalsConfig config;

    public Generations(AgroalDataSource dataSource, ProjectionStore store, AnnalsConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
    }

    /** Active and building generation of the projection. */
    private record State(int active, Integer building) {}

    /** What a switch attempt did. */
    public enum Switch {
        /** The rebuilt generation is now the active one. */
        SWITCHED,
        /** The rebuild is behind the live generation on some partition: try again later. */
        BEHIND,
        /** The rebuild would lose events: it ended as refused, the live generation stays. */
        REFUSED,
        /** The generation is no longer the one being built. */
        NOT_BUILDING
    }

    /** Reserves a new generation to rebuild into, owned by {@code owner}; an unfinished rebuild is superseded. */
    @Transactional
    public int startRebuild(String owner) {
        try (Connection connection = dataSource.getConnection()) {
            State state = state(connection);
            int next = Math.max(state.active(), state.building() == null ? 0 : state.building()) + 1;
            if (state.building() != null) {
                RebuildLedger.end(
                        connection,
                        state.building(),
                        RebuildState.SUPERSEDED,
                        "superseded by the rebuild of generation " + next,
                        RebuildLedger.Comparison.UNKNOWN);
            }
            next = Math.max(next, maxLedgerGeneration(connection) + 1);
            update(connection, state.active(), next);
            RebuildLedger.insert(connection, next, owner);
            return next; // rows of an abandoned rebuild are removed by GenerationDrop
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Makes {@code generation} the active one if it has read at least as far as the active one on every partition
     * and holds, or dead-lettered, every event the active one holds; refuses (for good) when events would be lost.
     * The state row is locked for update, so no live batch (which holds a share lock on it) runs meanwhile.
     */
    @Transactional
    public Switch trySwitch(int generation, String topic) {
        try (Connection connection = dataSource.getConnection()) {
            State state = state(connection);
            if (!Integer.valueOf(generation).equals(state.building())) {
                return Switch.NOT_BUILDING;
            }
            Map<Integer, Long> active = store.offsets(state.active(), topic);
            Map<Integer, Long> rebuilt = store.offsets(generation, topic);
            for (Map.Entry<Integer, Long> partition : active.entrySet()) {
                if (rebuilt.getOrDefault(partition.getKey(), 0L) < partition.getValue()) {
                    return Switch.BEHIND;
                }
            }
            RebuildLedger.Comparison counts = LosslessSwitch.compare(connection, state.active(), generation);
            String refusal = LosslessSwitch.refusal(
                    counts, state.active(), config.projection().rebuild().switchDespiteRejected());
            if (refusal != null) {
                update(connection, state.active(), null);
                RebuildLedger.end(connection, generation, RebuildState.REFUSED, refusal, counts);
                return Switch.REFUSED;
            }
            update(connection, generation, null);
            RebuildLedger.end(connection, generation, RebuildState.SWITCHED, null, counts);
            try (Statement statement = connection.createStatement()) {
                // waiting queries now read another generation's watermarks
                statement.execute("select pg_notify('" + BatchSql.CHANNEL + "', '')");
            }
            return Switch.SWITCHED;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** Gives up the rebuild of {@code generation}, recording why; a no-op when it is no longer being built. */
    @Transactional
    public void abandon(int generation, String reason) {
        try (Connection connection = dataSource.getConnection()) {
            State state = state(connection);
            if (Integer.valueOf(generation).equals(state.building())) {
                update(connection, state.active(), null);
            }
            RebuildLedger.end(connection, generation, RebuildState.ABANDONED, reason, RebuildLedger.Comparison.UNKNOWN);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Takes over the rebuild in progress when nobody owns it, {@code owner} already does, or its owner has not
     * reported within {@code annals.projection.rebuild.stale-after}; returns its generation, to be resumed from its
     * stored offsets. A rebuild row left in progress for a generation no longer being built is abandoned.
     */
    @Transactional
    public Optional<Integer> claim(String owner) {
        try (Connection connection = dataSource.getConnection()) {
            if (!anyRebuild(connection)) {
                // the usual case, checked without the state row's lock, which every live batch shares
                return Optional.empty();
            }
            State state = state(connection);
            boolean recorded = false;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select generation from projection_rebuild " + "where projection = ? and state = 'rebuilding'")) {
                statement.setString(1, ProjectionStore.PROJECTION);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        int generation = rs.getInt(1);
                        recorded |= Integer.valueOf(generation).equals(state.building());
                        if (!Integer.valueOf(generation).equals(state.building())) {
                            RebuildLedger.end(
                                    connection,
                                    generation,
                                    RebuildState.ABANDONED,
                                    "found in progress, but generation " + generation + " is not being built",
                                    RebuildLedger.Comparison.UNKNOWN);
                        }
                    }
                }
            }
            if (state.building() != null && !recorded) {
                // a rebuild begun before rebuilds were recorded: nobody can resume it
                update(connection, state.active(), null);
                return Optional.empty();
            }
            long stale = config.projection().rebuild().staleAfter().toSeconds();
            if (state.building() != null && RebuildLedger.claim(connection, state.building(), owner, stale)) {
                return Optional.of(state.building());
            }
            return Optional.empty();
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static int maxLedgerGeneration(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select coalesce(max(generation), 0) from projection_rebuild")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean anyRebuild(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select exists (select 1 from projection_state"
                + " where projection = ? and building_generation is not null) or exists (select 1 from"
                + " projection_rebuild where projection = ? and state = 'rebuilding')")) {
            statement.setString(1, ProjectionStore.PROJECTION);
            statement.setString(2, ProjectionStore.PROJECTION);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static State state(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select active_generation, "
                + "building_generation from projection_state where projection = ? for update")) {
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
}
