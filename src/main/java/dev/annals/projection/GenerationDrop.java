package dev.annals.projection;

import dev.annals.config.AnnalsConfig;
import dev.annals.error.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Deletes the rows of generations that are neither active nor being built, on one background thread, in
 * transactions of at most {@code annals.projection.rebuild.drop-batch-size} rows: dropping a million-row
 * generation never holds one huge transaction (nor its locks and WAL) and can stop half-way; what is left is
 * dropped next time, because a generation's offsets go last.
 */
@ApplicationScoped
public class GenerationDrop {
    private static final Logger LOG = Logger.getLogger(GenerationDrop.class);

    /** Every table whose rows belong to one generation; projection_offset last, it lists the generation. */
    private static final String[] TABLES = {
        "read_event",
        "read_event_revision",
        "read_change",
        "read_timeline",
        "read_actor",
        "read_watermark",
        "read_dead_letter",
        "read_facet",
        "read_histogram",
        "projection_offset"
    };

    private final AgroalDataSource dataSource;
    private final AnnalsConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "annals-generation-drop");
        thread.setDaemon(true);
        return thread;
    });

    public GenerationDrop(AgroalDataSource dataSource, AnnalsConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Drops every inactive generation in the background. */
    public void dropInactiveLater() {
        worker.execute(() -> {
            try {
                dropInactive();
            } catch (RuntimeException e) {
                LOG.warnf("Dropping old projection generations failed (retried after the next switch): %s", e);
            }
        });
    }

    /** Drops every generation that is neither active nor being built; returns the generations dropped. */
    public List<Integer> dropInactive() {
        // listed before the state is read: a rebuild started after that read has a number not in the list
        TreeSet<Integer> generations = new TreeSet<>(listed());
        int[] keep = keep();
        generations.remove(keep[0]);
        generations.remove(keep[1]);
        for (int generation : generations) {
            List<Integer> batches =
                    drop(generation, config.projection().rebuild().dropBatchSize());
            LOG.infof(
                    "Dropped projection generation %d: %d rows in %d transactions",
                    generation, batches.stream().mapToInt(Integer::intValue).sum(), batches.size());
        }
        return List.copyOf(generations);
    }

    /**
     * Deletes one generation's rows, table by table, at most {@code batchSize} rows per transaction; returns the
     * number of rows of each transaction that deleted any.
     */
    public List<Integer> drop(int generation, int batchSize) {
        List<Integer> batches = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            for (String table : TABLES) {
                String where = "projection_offset".equals(table)
                        ? "projection = '" + ProjectionStore.PROJECTION + "' and generation = ?"
                        : "generation = ?";
                String sql = "delete from " + table + " where ctid = any(array(select ctid from " + table + " where "
                        + where + " limit ?))";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    while (true) {
                        statement.setInt(1, generation);
                        statement.setInt(2, batchSize);
                        int deleted = statement.executeUpdate();
                        if (deleted == 0) {
                            break;
                        }
                        batches.add(deleted);
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return batches;
    }

    private List<Integer> listed() {
        List<Integer> generations = new ArrayList<>();
        String sql = "select generation from read_timeline union select generation from read_watermark "
                + "union select generation from read_actor union select generation from read_dead_letter "
                + "union select generation from read_change "
                + "union select generation from projection_offset where projection = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, ProjectionStore.PROJECTION);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    generations.add(rs.getInt(1));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return generations;
    }

    /** The active and the building generation (the active one twice when none is being built). */
    private int[] keep() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select active_generation, building_generation from projection_state where projection = ?")) {
            statement.setString(1, ProjectionStore.PROJECTION);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int active = rs.getInt(1);
                int building = rs.getInt(2);
                return new int[] {active, rs.wasNull() ? active : building};
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
