package dev.annals.append;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The append as one database round trip: a call of {@code annals_append} (migration V5) in autocommit, so the
 * lock, the idempotency lookup, the precondition and the writes are one transaction.
 */
@ApplicationScoped
class AppendCall {
    private static final String SQL = "select o_outcome, o_version, o_event_id, o_timeline_id, o_sequence, "
            + "o_content_hash, o_recorded_at from annals_append(?, ?, ?, ?, ?, ?::timestamptz[], ?, ?, ?, ?, ?, ?)";

    private final AgroalDataSource dataSource;

    AppendCall(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the database answered. */
    sealed interface Answer permits Appended, Conflict, Known {
    }

    /** The events were appended; the timeline is now at {@code version}. */
    record Appended(long version) implements Answer {
    }

    /** The precondition failed at {@code version}; nothing was written. */
    record Conflict(long version) implements Answer {
    }

    /** Some event ids of the request are already in the journal; nothing was written. */
    record Known(List<Entry> entries) implements Answer {
    }

    /** A journal row matching one of the request's event ids. */
    record Entry(UUID eventId, String timelineId, long sequence, String contentHash, OffsetDateTime recordedAt) {
    }

    /** One row per event of the request, in order. */
    record Row(UUID id, String type, String occurredAt, String hash, PayloadParts payload) {
    }

    Answer append(String timelineId, long minVersion, long maxVersion, List<Row> rows, OffsetDateTime recordedAt,
                  TraceContext trace) throws SQLException {
        int n = rows.size();
        Object[] ids = new Object[n];
        Object[] types = new Object[n];
        Object[] occurred = new Object[n];
        Object[] hashes = new Object[n];
        Object[] heads = new Object[n];
        Object[] tails = new Object[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            ids[i] = row.id();
            types[i] = row.type();
            occurred[i] = row.occurredAt();
            hashes[i] = row.hash();
            heads[i] = row.payload().head();
            tails[i] = row.payload().tail();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement call = connection.prepareStatement(SQL)) {
            call.setString(1, timelineId);
            call.setLong(2, minVersion);
            call.setLong(3, maxVersion);
            call.setArray(4, connection.createArrayOf("uuid", ids));
            call.setArray(5, connection.createArrayOf("varchar", types));
            call.setArray(6, connection.createArrayOf("text", occurred));
            call.setArray(7, connection.createArrayOf("varchar", hashes));
            call.setArray(8, connection.createArrayOf("text", heads));
            call.setArray(9, connection.createArrayOf("text", tails));
            call.setObject(10, recordedAt);
            call.setString(11, trace.requestId());
            call.setString(12, trace.traceparent());
            try (ResultSet rs = call.executeQuery()) {
                return answer(rs);
            }
        }
    }

    private static Answer answer(ResultSet rs) throws SQLException {
        List<Entry> known = new ArrayList<>();
        while (rs.next()) {
            String outcome = rs.getString(1);
            long version = rs.getLong(2);
            switch (outcome) {
                case "appended" -> {
                    return new Appended(version);
                }
                case "conflict" -> {
                    return new Conflict(version);
                }
                default -> known.add(new Entry(rs.getObject(3, UUID.class), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
            }
        }
        if (known.isEmpty()) {
            throw new SQLException("annals_append answered nothing");
        }
        return new Known(known);
    }
}
