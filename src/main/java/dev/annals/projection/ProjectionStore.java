package dev.annals.projection;

import dev.annals.correction.ChangeKind;
import dev.annals.error.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes one poll batch into a projection generation in a single transaction: the new read-model rows, the
 * timeline and actor counters, the per-timeline watermarks, the dead letters and the next offset of every partition
 * in the batch. A crash at any point leaves either all
 * of it or none, and the consumer resumes from the stored offsets, so each event is applied exactly once.
 *
 * <p>Plain JDBC on the Agroal datasource inside a JTA transaction ({@code @Transactional}): the connection is
 * enlisted, so the state lock, the batch and the offsets commit together, and {@link Generations} shares the
 * same transaction when it reads offsets under its own lock.
 */
@ApplicationScoped
public class ProjectionStore {
    public static final String PROJECTION = "timeline";

    private static final String LOCK_STATE =
            "select active_generation, building_generation from projection_state " + "where projection = ? for share";

    private final AgroalDataSource dataSource;
    private final ChangeProjection changes;

    public ProjectionStore(AgroalDataSource dataSource, ChangeProjection changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    /** What one batch did. */
    public record Applied(boolean generationCurrent, int applied, int duplicates) {}

    /** Applies a batch without dead letters; see {@link #apply(int, boolean, List, List, Map)}. */
    @Transactional
    public Applied apply(
            int generation, boolean live, List<EventDecoder.Valid> batch, Map<TopicPartition, Long> nextOffsets) {
        return apply(generation, live, batch, List.of(), nextOffsets);
    }

    /**
     * Applies the batch to {@code generation} and records its dead letters and watermarks, unless that generation
     * is no longer the one this runner feeds (the live runner after a blue/green switch, a rebuild after it was
     * superseded): then nothing is written. The check holds a share lock on the projection state until commit,
     * which the blue/green switch waits for.
     */
    @Transactional
    public Applied apply(
            int generation,
            boolean live,
            List<EventDecoder.Valid> batch,
            List<DeadLetters.DeadLetter> dead,
            Map<TopicPartition, Long> nextOffsets) {
        try (Connection connection = dataSource.getConnection()) {
            if (!current(connection, generation, live)) {
                return new Applied(false, 0, 0);
            }
            List<EventDecoder.Valid> originals = new ArrayList<>();
            List<EventDecoder.Valid> changed = new ArrayList<>();
            for (EventDecoder.Valid valid : batch) {
                (ChangeKind.of(valid.event().type()).isPresent() ? changed : originals).add(valid);
            }
            int applied = write(
                    connection,
                    generation,
                    live,
                    ReadEventColumns.of(originals),
                    ProcessedColumns.of(batch, dead),
                    nextOffsets);
            // after the batch's new events: a change may name one of them
            applied += changes.apply(connection, generation, changed);
            return new Applied(true, applied, batch.size() - applied);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static boolean current(Connection connection, int generation, boolean live) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(LOCK_STATE)) {
            lock.setString(1, PROJECTION);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                int building = rs.getInt(2);
                return live ? rs.getInt(1) == generation : !rs.wasNull() && building == generation;
            }
        }
    }

    private static int write(
            Connection connection,
            int generation,
            boolean live,
            ReadEventColumns rows,
            ProcessedColumns processed,
            Map<TopicPartition, Long> nextOffsets)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BatchSql.APPLY)) {
            Object[][] columns = {
                rows.eventIds(),
                rows.timelineIds(),
                rows.sequences(),
                rows.types(),
                rows.occurredAt(),
                rows.precisions(),
                rows.occurredFrom(),
                rows.occurredUntil(),
                rows.recordedAt(),
                rows.titles(),
                rows.actorIds(),
                rows.actorNames(),
                rows.publishers(),
                rows.reliabilities(),
                rows.tags(),
                rows.searchTexts(),
                rows.payloads(),
                rows.partitions(),
                rows.offsets()
            };
            String[] types = {
                "uuid", "text", "int8", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text",
                "text", "text", "text", "text", "int4", "int8"
            };
            int p = 1;
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(p++, connection.createArrayOf(types[i], columns[i]));
            }
            for (int i = 0; i < 3; i++) {
                statement.setInt(p++, generation);
            }
            statement.setString(p++, PROJECTION);
            statement.setInt(p++, generation);
            List<TopicPartition> partitions = List.copyOf(nextOffsets.keySet());
            statement.setArray(
                    p++,
                    connection.createArrayOf(
                            "text",
                            partitions.stream().map(TopicPartition::topic).toArray(String[]::new)));
            statement.setArray(
                    p++,
                    connection.createArrayOf(
                            "int4",
                            partitions.stream().map(TopicPartition::partition).toArray(Integer[]::new)));
            statement.setArray(
                    p++,
                    connection.createArrayOf(
                            "int8", partitions.stream().map(nextOffsets::get).toArray(Long[]::new)));
            statement.setInt(p++, generation);
            statement.setArray(p++, connection.createArrayOf("text", processed.watermarkTimelines()));
            statement.setArray(p++, connection.createArrayOf("int8", processed.watermarkSequences()));
            statement.setInt(p++, generation);
            statement.setArray(p++, connection.createArrayOf("text", processed.deadTopics()));
            statement.setArray(p++, connection.createArrayOf("int4", processed.deadPartitions()));
            statement.setArray(p++, connection.createArrayOf("int8", processed.deadOffsets()));
            statement.setArray(p++, connection.createArrayOf("uuid", processed.deadEventIds()));
            statement.setArray(p++, connection.createArrayOf("text", processed.deadTimelines()));
            statement.setArray(p++, connection.createArrayOf("int8", processed.deadSequences()));
            statement.setArray(p++, connection.createArrayOf("text", processed.deadReasons()));
            statement.setInt(p++, live ? -1 : generation);
            statement.setBoolean(p, live);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The stored next offsets of a generation, by partition number. */
    @Transactional
    public Map<Integer, Long> offsets(int generation, String topic) {
        Map<Integer, Long> offsets = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select partition, next_offset "
                        + "from projection_offset where projection = ? and generation = ? and topic = ?")) {
            statement.setString(1, PROJECTION);
            statement.setInt(2, generation);
            statement.setString(3, topic);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return offsets;
    }

    @Transactional
    public int activeGeneration() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select active_generation from projection_state where projection = ?")) {
            statement.setString(1, PROJECTION);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
