package dev.annals.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import dev.annals.event.TimelineEvent;
import dev.annals.query.EventFilter;
import dev.annals.query.EventQuery;
import dev.annals.query.LiveSql;
import dev.annals.query.QuerySql;
import dev.annals.registry.ReadUpcasting;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the live feed from the read model (never the topic, never the journal), on the read pool: the position
 * the projection committed, and the items recorded between two positions that a filter lets through.
 */
@ApplicationScoped
public class LiveReader {
    private static final String COMMITTED = "select o.partition, o.next_offset from projection_offset o "
            + "join projection_state s on s.projection = o.projection and s.active_generation = o.generation "
            + "where o.projection = 'timeline' and o.topic = ?";
    private static final Comparator<LiveItem> ORDER =
            Comparator.comparingInt(LiveItem::partition).thenComparingLong(LiveItem::offset);

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final ReadUpcasting upcasting;
    private final EventQuery events;
    private final String topic;

    public LiveReader(
            @DataSource("read") AgroalDataSource dataSource,
            ObjectMapper mapper,
            ReadUpcasting upcasting,
            EventQuery events,
            dev.annals.config.AnnalsConfig config) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.upcasting = upcasting;
        this.events = events;
        this.topic = config.topic().name();
    }

    /**
     * The next offset per partition the active generation committed: every row of a record before it is
     * visible, since the projector commits rows and offsets in one transaction.
     */
    public Position committed() {
        Map<Integer, Long> next = new TreeMap<>();
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement statement = connection.prepareStatement(COMMITTED)) {
            statement.setString(1, topic);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    next.put(rs.getInt(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
        return new Position(next);
    }

    /** The ranges from {@code from} up to {@code to}, at most {@code batch} offsets per partition; null if none. */
    public static LiveSql.Ranges ranges(Position from, Position to, int batch) {
        List<Integer> partitions = new ArrayList<>();
        List<long[]> bounds = new ArrayList<>();
        to.next().forEach((p, end) -> {
            long start = from.of(p);
            if (start < end) {
                partitions.add(p);
                bounds.add(new long[] {start, Math.min(end, start + batch)});
            }
        });
        if (partitions.isEmpty()) {
            return null;
        }
        int n = partitions.size();
        int[] ps = new int[n];
        long[] los = new long[n];
        long[] his = new long[n];
        for (int i = 0; i < n; i++) {
            ps[i] = partitions.get(i);
            los[i] = bounds.get(i)[0];
            his[i] = bounds.get(i)[1];
        }
        return new LiveSql.Ranges(ps, los, his);
    }

    /** The end of the ranges: {@code from} moved to each range's end. */
    public static Position end(Position from, LiveSql.Ranges ranges) {
        TreeMap<Integer, Long> next = new TreeMap<>(from.next());
        for (int i = 0; i < ranges.partitions().length; i++) {
            next.merge(ranges.partitions()[i], ranges.to()[i], Math::max);
        }
        return new Position(next);
    }

    /** The events and applied changes in the ranges that the filter lets through, by partition and offset. */
    public List<LiveItem> read(EventFilter filter, LiveSql.Ranges ranges) {
        List<LiveItem> items = new ArrayList<>();
        try (Connection connection = PooledConnections.get(dataSource)) {
            try (PreparedStatement statement = LiveSql.events(filter, ranges).prepare(connection);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    items.add(new LiveItem(
                            LiveKind.EVENT, rs.getInt(6), rs.getLong(7), mapper.writeValueAsString(event(rs, 1))));
                }
            }
            QuerySql.Statement changes = LiveSql.changes(filter, ranges);
            try (PreparedStatement statement = changes.prepare(connection);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ObjectNode data = mapper.createObjectNode();
                    data.set("change", mapper.valueToTree(upcast(rs.getString(1))));
                    data.set("event", mapper.valueToTree(event(rs, 3)));
                    items.add(new LiveItem(
                            LiveKind.ofChange(rs.getString(2)),
                            rs.getInt(8),
                            rs.getLong(9),
                            mapper.writeValueAsString(data)));
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt read-model payload", e);
        }
        items.sort(ORDER);
        return items;
    }

    private TimelineEvent upcast(String payload) throws JsonProcessingException {
        return upcasting.current(mapper.readValue(payload, TimelineEvent.class));
    }

    /** The event whose payload is in column {@code payload}, followed by its four marks. */
    private TimelineEvent event(ResultSet rs, int payload) throws SQLException {
        return events.parse(rs, payload, payload + 1);
    }
}
