package dev.annals.relay;

import dev.annals.config.AnnalsConfig;
import dev.annals.error.DatabaseException;
import dev.annals.error.FieldError;
import dev.annals.error.PooledConnections;
import dev.annals.error.ProblemType;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Queues journal ranges for publishing again: outbox rows are inserted for them, cut so that each fits one relay
 * round, and the relay publishes them like any append, in order per timeline. Records are rebuilt from the
 * journal, so subscribers see the same {@code ce_id}, attributes and payload and drop them as duplicates.
 */
@ApplicationScoped
public class Republisher {
    private static final String INSERT = """
            with chunks as (
                select timeline_id, sequence, bytes,
                       cast(sum(bytes) over w - bytes as bigint) / ? as byte_chunk,
                       (row_number() over w - 1) / ? as event_chunk
                from (select timeline_id, sequence, octet_length(payload)::bigint as bytes from journal
                      where (cast(? as varchar) is null or timeline_id = ?) and sequence between ? and ?) j
                window w as (partition by timeline_id order by sequence)),
            inserted as (
                insert into outbox (timeline_id, from_sequence, to_sequence, created_at, payload_bytes)
                select timeline_id, min(sequence), max(sequence), now(), sum(bytes)
                from chunks
                group by timeline_id, byte_chunk, event_chunk
                order by timeline_id, min(sequence)
                returning to_sequence - from_sequence + 1 as events)
            select count(*), coalesce(sum(events), 0) from inserted""";

    private final AgroalDataSource dataSource;
    private final AnnalsConfig config;
    private final OutboxSignal signal;

    public Republisher(AgroalDataSource dataSource, AnnalsConfig config, OutboxSignal signal) {
        this.dataSource = dataSource;
        this.config = config;
        this.signal = signal;
    }

    /** Validates the request against the journal and queues the range; 400 or 404 problems for bad input. */
    public RepublishResult republish(RepublishRequest request) {
        RepublishRequest r = request == null ? new RepublishRequest(null, null, null) : request;
        if (r.timelineId() == null && (r.fromSequence() != null || r.toSequence() != null)) {
            throw invalid("/timelineId", "required", "fromSequence and toSequence need a timelineId");
        }
        positive("/fromSequence", r.fromSequence());
        positive("/toSequence", r.toSequence());
        if (r.fromSequence() != null && r.toSequence() != null && r.fromSequence() > r.toSequence()) {
            throw invalid("/fromSequence", "range", "fromSequence must not be after toSequence");
        }
        try (Connection connection = PooledConnections.get(dataSource)) {
            long from = r.fromSequence() == null ? 1 : r.fromSequence();
            long to = Long.MAX_VALUE;
            if (r.timelineId() != null) {
                long version = version(connection, r.timelineId());
                to = r.toSequence() == null ? version : r.toSequence();
                if (to > version || from > version) {
                    String field = from > version ? "/fromSequence" : "/toSequence";
                    throw invalid(field, "range", "beyond the journal: the timeline's last sequence is " + version);
                }
            }
            RepublishResult result = insert(connection, r.timelineId(), from, to);
            signal.committed();
            return result;
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private RepublishResult insert(Connection connection, String timelineId, long from, long to) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, Math.max(1, config.relay().maxRoundBytes()));
            insert.setLong(2, OutboxRound.MAX_EVENTS_PER_ROUND);
            if (timelineId == null) {
                insert.setNull(3, Types.VARCHAR);
                insert.setNull(4, Types.VARCHAR);
            } else {
                insert.setString(3, timelineId);
                insert.setString(4, timelineId);
            }
            insert.setLong(5, from);
            insert.setLong(6, to);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return new RepublishResult(rs.getLong(2), rs.getLong(1));
            }
        }
    }

    private static long version(Connection connection, String timelineId) throws SQLException {
        try (PreparedStatement select =
                connection.prepareStatement("select version from timeline where timeline_id = ?")) {
            select.setString(1, timelineId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemType.NOT_FOUND.exception("No timeline " + timelineId);
                }
                return rs.getLong(1);
            }
        }
    }

    private static void positive(String field, Long value) {
        if (value != null && value < 1) {
            throw invalid(field, "minimum", "must be at least 1");
        }
    }

    private static RuntimeException invalid(String field, String rule, String message) {
        return ProblemType.INVALID_REQUEST.exception(
                "Invalid republish request", List.of(new FieldError(field, rule, message)));
    }
}
