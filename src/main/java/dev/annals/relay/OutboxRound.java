package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import dev.annals.relay.CloudEventRecords.JournalEvent;
import dev.annals.relay.KafkaPublisher.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * One relay round, on the relay's session: reads the oldest outbox rows with their journal events, publishes
 * them in order and deletes only rows whose every event the broker acknowledged. A timeline whose row failed
 * keeps all its later rows too, so a retry never overtakes an earlier event of the same timeline; a timeline
 * whose records Kafka refused is held back ({@link TimelineBackoff}) so the others go on.
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
                from outbox where timeline_id <> all(?) order by id limit ?)
            select p.id, j.event_id, j.timeline_id, j.sequence, j.event_type, j.occurred_at, j.payload, p.created_at,
                   p.request_id, p.traceparent, j.type_version
            from pending p
            join journal j on j.timeline_id = p.timeline_id and j.sequence between p.from_sequence and p.to_sequence
            where p.events_before = 0 or (p.events_before < ? and p.bytes_before < ?)
            order by p.id, j.sequence""";
    /** Events per round, so that a round of large appends stays small in memory (the first row always goes). */
    static final int MAX_EVENTS_PER_ROUND = 5000;
    /** Rows the driver holds at once while a round streams its events into records. */
    private static final int FETCH_SIZE = 1000;

    /** What a round did. */
    public enum Result {
        IDLE,
        PUBLISHED,
        FAILED
    }

    /** One outbox row of a round: its first record's index in the round and how many events it has. */
    private static final class Row {
        final long id;
        final String timelineId;
        final int first;
        final OffsetDateTime committedAt;
        int events;

        Row(long id, String timelineId, int first, OffsetDateTime committedAt) {
            this.id = id;
            this.timelineId = timelineId;
            this.first = first;
            this.committedAt = committedAt;
        }
    }

    private final KafkaPublisher publisher;
    private final AnnalsConfig config;
    private final RelayMetrics metrics;
    private final TimelineBackoff backoff;

    public OutboxRound(KafkaPublisher publisher, AnnalsConfig config, RelayMetrics metrics) {
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.backoff = new TimelineBackoff(
                config.relay().retryBackoff(), config.relay().timelineBackoffMax());
    }

    Result run(Connection session) throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        List<String> heldBack = backoff.heldBack(System.nanoTime());
        pending(session, heldBack, rows, records);
        if (rows.isEmpty()) {
            return Result.IDLE;
        }
        Outcome[] outcomes;
        try {
            publisher.ensureTopic();
            outcomes = publisher.publish(records);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.FAILED;
        } catch (Exception e) {
            LOG.warnf("Kafka unavailable, %d outbox row(s) wait: %s", rows.size(), e.getMessage());
            publisher.reset();
            return Result.FAILED;
        }
        List<Row> done = settle(rows, outcomes);
        delete(session, done);
        done.forEach(row -> metrics.published(row.events, row.committedAt));
        return done.size() == rows.size() ? Result.PUBLISHED : Result.FAILED;
    }

    /** This instance took the lead: what an earlier lead learnt of failing timelines may be stale. */
    void leading() {
        backoff.clear();
    }

    void reset() {
        publisher.reset();
    }

    /** Timelines held back now because Kafka refused their records. */
    int heldBackTimelines() {
        return backoff.heldBack(System.nanoTime()).size();
    }

    /**
     * The rows to delete: every event acknowledged, and no earlier row of the same timeline failed. Timelines
     * whose records Kafka refused are held back; those whose records were only aborted behind them are not.
     */
    private List<Row> settle(List<Row> rows, Outcome[] outcomes) {
        List<Row> done = new ArrayList<>();
        Set<String> blocked = new HashSet<>();
        Set<String> refused = new HashSet<>();
        for (Row row : rows) {
            boolean all = true;
            for (int i = row.first; i < row.first + row.events; i++) {
                all &= outcomes[i] == Outcome.ACKED;
                if (outcomes[i] == Outcome.FAILED) {
                    refused.add(row.timelineId);
                }
            }
            if (all && !blocked.contains(row.timelineId)) {
                done.add(row);
            } else {
                blocked.add(row.timelineId);
            }
        }
        long now = System.nanoTime();
        for (String timeline : refused) {
            backoff.failed(timeline, now);
        }
        for (Row row : done) {
            if (!blocked.contains(row.timelineId)) {
                backoff.succeeded(row.timelineId);
            }
        }
        if (!refused.isEmpty()) {
            LOG.warnf("Kafka refused records of %d timeline(s), held back for a while: %s", refused.size(), refused);
        }
        return done;
    }

    /**
     * Streams the round's events into records in a read transaction on the relay session, so only one fetch of
     * rows is in the driver at once besides the records themselves.
     */
    private void pending(
            Connection session, List<String> heldBack, List<Row> rows, List<ProducerRecord<String, byte[]>> records)
            throws SQLException {
        String topic = config.topic().name();
        String source = config.cloudevents().source();
        String dataschemaBase = config.cloudevents().dataschemaBase();
        session.setAutoCommit(false);
        try (PreparedStatement select = session.prepareStatement(SELECT)) {
            select.setArray(1, session.createArrayOf("varchar", heldBack.toArray()));
            select.setInt(2, config.relay().batchSize());
            select.setInt(3, MAX_EVENTS_PER_ROUND);
            select.setLong(4, config.relay().maxRoundBytes());
            select.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = select.executeQuery()) {
                Row current = null;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    JournalEvent event = new JournalEvent(
                            rs.getString(2),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getString(5),
                            rs.getInt(11),
                            rs.getObject(6, OffsetDateTime.class),
                            rs.getString(7),
                            rs.getString(9),
                            rs.getString(10));
                    if (current == null || id != current.id) {
                        current =
                                new Row(id, event.timelineId(), records.size(), rs.getObject(8, OffsetDateTime.class));
                        rows.add(current);
                    }
                    current.events++;
                    records.add(CloudEventRecords.toRecord(topic, source, dataschemaBase, event));
                }
            }
            session.commit();
        } finally {
            session.setAutoCommit(true);
        }
    }

    private static void delete(Connection session, List<Row> done) throws SQLException {
        if (done.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = session.prepareStatement("delete from outbox where id = any(?)")) {
            Array array = session.createArrayOf(
                    "bigint", done.stream().map(row -> row.id).toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }
}
