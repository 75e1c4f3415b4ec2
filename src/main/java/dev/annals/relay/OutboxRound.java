package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import dev.annals.relay.CloudEventRecords.JournalEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * One relay round: reads the oldest outbox rows with their journal events, publishes them in order and deletes
 * only rows whose every event the broker acknowledged. A timeline whose row failed keeps all its later rows too,
 * so a retry never overtakes an earlier event of the same timeline.
 */
@ApplicationScoped
public class OutboxRound {
    private static final Logger LOG = Logger.getLogger(OutboxRound.class);
    private static final String SELECT = """
            with pending as (
                select id, timeline_id, from_sequence, to_sequence, created_at, request_id, traceparent,
                       sum(to_sequence - from_sequence + 1) over (order by id) - (to_sequence - from_sequence + 1)
                           as events_before,
                       sum(payload_bytes) over (order by id) - payload_bytes as bytes_before
                from outbox order by id limit ?)
            select p.id, j.event_id, j.timeline_id, j.sequence, j.event_type, j.occurred_at, j.payload, p.created_at,
                   p.request_id, p.traceparent
            from pending p
            join journal j on j.timeline_id = p.timeline_id and j.sequence between p.from_sequence and p.to_sequence
            where p.events_before = 0 or (p.events_before < ? and p.bytes_before < ?)
            order by p.id, j.sequence""";
    /** Events per round, so that a round of large appends stays small in memory (the first row always goes). */
    static final int MAX_EVENTS_PER_ROUND = 5000;
    /**
     * Bytes of event JSON per round (the first row always goes; one append is at most the HTTP body limit), so a
     * round's memory is bounded whatever the events' sizes.
     */
    static final long MAX_BYTES_PER_ROUND = 8L * 1024 * 1024;

    /** What a round did. */
    public enum Result {
        IDLE,
        PUBLISHED,
        FAILED
    }

    private final AgroalDataSource dataSource;
    private final KafkaPublisher publisher;
    private final AnnalsConfig config;
    private final RelayMetrics metrics;
    private final Map<Long, OffsetDateTime> committedAt = new HashMap<>();

    public OutboxRound(
            AgroalDataSource dataSource, KafkaPublisher publisher, AnnalsConfig config, RelayMetrics metrics) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    Result run() throws SQLException {
        Map<Long, List<JournalEvent>> rows = pending();
        if (rows.isEmpty()) {
            return Result.IDLE;
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        String topic = config.topic().name();
        String source = config.cloudevents().source();
        rows.values()
                .forEach(events ->
                        events.forEach(event -> records.add(CloudEventRecords.toRecord(topic, source, event))));
        boolean[] acked;
        try {
            publisher.ensureTopic();
            acked = publisher.publish(records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.FAILED;
        } catch (Exception e) {
            LOG.warnf("Kafka unavailable, %d outbox row(s) wait: %s", rows.size(), e.getMessage());
            publisher.reset();
            return Result.FAILED;
        }
        List<Long> done = acknowledgedRows(rows, acked);
        delete(done);
        done.forEach(id -> metrics.published(rows.get(id).size(), committedAt.get(id)));
        return done.size() == rows.size() ? Result.PUBLISHED : Result.FAILED;
    }

    void reset() {
        publisher.reset();
    }

    private static List<Long> acknowledgedRows(Map<Long, List<JournalEvent>> rows, boolean[] acked) {
        List<Long> done = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        int index = 0;
        for (Map.Entry<Long, List<JournalEvent>> row : rows.entrySet()) {
            boolean all = true;
            for (int i = 0; i < row.getValue().size(); i++) {
                all &= acked[index++];
            }
            String timeline = row.getValue().get(0).timelineId();
            if (all && !blocked.contains(timeline)) {
                done.add(row.getKey());
            } else {
                blocked.add(timeline);
            }
        }
        return done;
    }

    private Map<Long, List<JournalEvent>> pending() throws SQLException {
        Map<Long, List<JournalEvent>> rows = new LinkedHashMap<>();
        committedAt.clear();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setInt(1, config.relay().batchSize());
            select.setInt(2, MAX_EVENTS_PER_ROUND);
            select.setLong(3, MAX_BYTES_PER_ROUND);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new JournalEvent(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getString(5),
                                    rs.getObject(6, OffsetDateTime.class),
                                    rs.getString(7),
                                    rs.getString(9),
                                    rs.getString(10)));
                    committedAt.put(rs.getLong(1), rs.getObject(8, OffsetDateTime.class));
                }
            }
        }
        return rows;
    }

    private void delete(List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }
}
