package dev.annals.projection;

import dev.annals.error.DatabaseException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Writes one poll batch into a projection generation in a single transaction: the new read-model rows, the
 * timeline and actor counters and the next offset of every partition in the batch. A crash at any point leaves either all
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

    /**
     * Inserts the batch with {@code on conflict do nothing} (either unique key: event id, or timeline and
     * sequence), so duplicates on the topic are skipped; the counters are derived from the rows actually inserted.
     * Rows are locked in key order, so concurrent batches cannot deadlock on shared counters.
     */
    private static final String APPLY = """
            with batch as (
                select * from unnest(?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::timestamptz[], ?::text[],
                                     ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    with ordinality as b(event_id, timeline_id, sequence, event_type, occurred_at,
                                         occurred_at_precision, occurred_from, occurred_until, recorded_at, title,
                                         actor_ids, actor_names, publishers, tags, search_text, payload, ord)
            ), inserted as (
                insert into read_event (generation, event_id, timeline_id, sequence, event_type, occurred_at,
                                        occurred_at_precision, occurred_from, occurred_until, recorded_at, title,
                                        actor_ids, actor_names, publishers, tags, search_text, payload)
                select ?, event_id, timeline_id, sequence, event_type, occurred_at, occurred_at_precision,
                       occurred_from, occurred_until, recorded_at, title, actor_ids::text[], actor_names::text[],
                       publishers::text[], tags::text[], search_text, payload
                from batch order by ord
                on conflict do nothing
                returning timeline_id, sequence, occurred_at, actor_ids, actor_names
            ), timelines as (
                insert into read_timeline (generation, timeline_id, event_count, version, first_occurred_at,
                                           last_occurred_at)
                select ?, timeline_id, count(*), max(sequence), min(occurred_at), max(occurred_at)
                from inserted group by timeline_id order by timeline_id
                on conflict (generation, timeline_id) do update set
                    event_count = read_timeline.event_count + excluded.event_count,
                    version = greatest(read_timeline.version, excluded.version),
                    first_occurred_at = least(read_timeline.first_occurred_at, excluded.first_occurred_at),
                    last_occurred_at = greatest(read_timeline.last_occurred_at, excluded.last_occurred_at)
            ), actors as (
                insert into read_actor (generation, actor_id, name, event_count)
                select ?, a.id, max(a.name), count(*)
                from inserted cross join lateral unnest(inserted.actor_ids, inserted.actor_names) as a(id, name)
                group by a.id order by a.id
                on conflict (generation, actor_id) do update set
                    name = greatest(read_actor.name, excluded.name),
                    event_count = read_actor.event_count + excluded.event_count
            ), offsets as (
                insert into projection_offset (projection, generation, topic, partition, next_offset)
                select ?, ?, topic, partition, next_offset
                from unnest(?::text[], ?::int[], ?::bigint[]) as o(topic, partition, next_offset)
                order by topic, partition
                on conflict (projection, generation, topic, partition)
                do update set next_offset = greatest(projection_offset.next_offset, excluded.next_offset)
            )
            select count(*) from inserted""";

    private final AgroalDataSource dataSource;

    public ProjectionStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What one batch did. */
    public record Applied(boolean generationCurrent, int applied, int duplicates) {}

    /**
     * Applies the batch to {@code generation}, unless that generation is no longer the one this runner feeds
     * (the live runner after a blue/green switch, a rebuild after it was superseded): then nothing is written.
     * The check holds a share lock on the projection state until commit, which the blue/green switch waits for.
     */
    @Transactional
    public Applied apply(
            int generation, boolean live, List<EventDecoder.Valid> batch, Map<TopicPartition, Long> nextOffsets) {
        try (Connection connection = dataSource.getConnection()) {
            if (!current(connection, generation, live)) {
                return new Applied(false, 0, 0);
            }
            int applied = write(connection, generation, ReadEventColumns.of(batch), nextOffsets);
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
            Connection connection, int generation, ReadEventColumns rows, Map<TopicPartition, Long> nextOffsets)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
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
                rows.tags(),
                rows.searchTexts(),
                rows.payloads()
            };
            String[] types = {
                "uuid", "text", "int8", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text",
                "text", "text", "text"
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
                    p,
                    connection.createArrayOf(
                            "int8", partitions.stream().map(nextOffsets::get).toArray(Long[]::new)));
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
