package dev.annals.append;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import dev.annals.config.AnnalsConfig;
import dev.annals.error.PooledConnections;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A group of appends as one database round trip: a call of {@code annals_append} (migrations V5, V7, V8) in
 * autocommit, so the locks, the idempotency lookups, the preconditions and the writes of every request are one
 * transaction. Its lock waits are bounded by {@code annals.append.lock-timeout}, the call by the statement timeout.
 */
@ApplicationScoped
class AppendCall {
    private static final String SQL = "select o_req, o_outcome, o_version, o_event_id, o_timeline_id, o_sequence, "
            + "o_content_hash, o_recorded_at from annals_append(?, ?, ?, ?, ?::timestamptz[], ?, ?, ?, ?, ?, ?, "
            + "?::timestamptz[], ?, ?, ?, ?, ?, ?::interval, ?, ?)";

    private final AgroalDataSource dataSource;
    private final String lockTimeout;
    private final String keyRetention;
    private final int statementTimeoutSeconds;

    AppendCall(AgroalDataSource dataSource, AnnalsConfig config) {
        this.dataSource = dataSource;
        this.lockTimeout = Math.max(1, config.append().lockTimeout().toMillis()) + "ms";
        this.keyRetention = config.append().idempotencyRetention().toSeconds() + " seconds";
        this.statementTimeoutSeconds =
                (int) Math.max(1, config.append().statementTimeout().toSeconds());
    }

    /**
     * One append request: its events, in order, stamped {@code recordedAt}, the versions of the timeline it accepts,
     * and how to stamp it anew (when the database answers {@link Again}).
     */
    record Request(
            String timelineId,
            long minVersion,
            long maxVersion,
            List<Row> rows,
            OffsetDateTime recordedAt,
            TraceContext trace,
            String idempotencyKey,
            String fingerprint,
            Supplier<Request> restamped) {
        /** Bytes of event JSON the request carries. */
        long bytes() {
            long bytes = 0;
            for (Row row : rows) {
                bytes += row.payload().head().length() + row.payload().tail().length();
            }
            return bytes;
        }
    }

    /** One event of a request, ready for the journal. */
    record Row(UUID id, String type, int typeVersion, String occurredAt, String hash, PayloadParts payload) {}

    /** What the database answered for one request. */
    sealed interface Answer permits Appended, Conflict, Known, Again, Keyed, KeyConflict {}

    /** The events were appended, recorded at {@code recordedAt}; the timeline is now at {@code version}. */
    record Appended(long version, OffsetDateTime recordedAt) implements Answer {}

    /** The precondition failed at {@code version}; nothing was written. */
    record Conflict(long version) implements Answer {}

    /** Some event ids of the request are already in the journal; nothing was written. */
    record Known(List<Entry> entries) implements Answer {}

    /**
     * Nothing was written: an earlier request of the same group uses one of its event ids, or the timeline holds an
     * event recorded later than this request's stamp. Stamp it anew and send it again.
     */
    record Again() implements Answer {}

    /** The Idempotency-Key is known with the same body: the events of that append, in order; nothing written. */
    record Keyed(long version, List<Entry> entries) implements Answer {}

    /** The Idempotency-Key is known with another body; nothing was written. */
    record KeyConflict() implements Answer {}

    /** A journal row matching one of the request's event ids. */
    record Entry(UUID eventId, String timelineId, long sequence, String contentHash, OffsetDateTime recordedAt) {}

    /** The answers, one per request, in the order of {@code requests}. */
    List<Answer> append(List<Request> requests) throws SQLException {
        Columns c = new Columns(requests);
        try (Connection connection = PooledConnections.get(dataSource);
                PreparedStatement call = connection.prepareStatement(SQL)) {
            call.setArray(1, connection.createArrayOf("varchar", c.timelines));
            call.setArray(2, connection.createArrayOf("bigint", c.mins));
            call.setArray(3, connection.createArrayOf("bigint", c.maxes));
            call.setArray(4, connection.createArrayOf("int4", c.counts));
            call.setArray(5, connection.createArrayOf("text", c.recorded));
            call.setArray(6, connection.createArrayOf("varchar", c.requestIds));
            call.setArray(7, connection.createArrayOf("varchar", c.traceparents));
            call.setArray(8, connection.createArrayOf("int4", c.requestOf));
            call.setArray(9, connection.createArrayOf("int4", c.positions));
            call.setArray(10, connection.createArrayOf("uuid", c.ids));
            call.setArray(11, connection.createArrayOf("varchar", c.types));
            call.setArray(12, connection.createArrayOf("text", c.occurred));
            call.setArray(13, connection.createArrayOf("varchar", c.hashes));
            call.setArray(14, connection.createArrayOf("text", c.heads));
            call.setArray(15, connection.createArrayOf("text", c.tails));
            call.setArray(16, connection.createArrayOf("varchar", c.keys));
            call.setArray(17, connection.createArrayOf("varchar", c.fingerprints));
            call.setString(18, keyRetention);
            call.setString(19, lockTimeout);
            call.setArray(20, connection.createArrayOf("int4", c.typeVersions));
            call.setQueryTimeout(statementTimeoutSeconds);
            try (ResultSet rs = call.executeQuery()) {
                return answers(rs, requests);
            }
        }
    }

    private static List<Answer> answers(ResultSet rs, List<Request> requests) throws SQLException {
        int size = requests.size();
        Answer[] answers = new Answer[size];
        List<List<Entry>> known = new ArrayList<>(size);
        long[] keyed = new long[size];
        for (int i = 0; i < size; i++) {
            known.add(new ArrayList<>());
        }
        while (rs.next()) {
            int index = rs.getInt(1) - 1;
            long version = rs.getLong(3);
            String outcome = rs.getString(2);
            switch (outcome) {
                case "appended" ->
                    answers[index] = new Appended(version, requests.get(index).recordedAt());
                case "conflict" -> answers[index] = new Conflict(version);
                case "again" -> answers[index] = new Again();
                case "key-conflict" -> answers[index] = new KeyConflict();
                default -> {
                    if ("keyed".equals(outcome)) {
                        keyed[index] = version;
                    }
                    known.get(index)
                            .add(new Entry(
                                    rs.getObject(4, UUID.class),
                                    rs.getString(5),
                                    rs.getLong(6),
                                    rs.getString(7),
                                    rs.getObject(8, OffsetDateTime.class)));
                }
            }
        }
        for (int i = 0; i < size; i++) {
            if (answers[i] == null) {
                if (known.get(i).isEmpty()) {
                    throw new SQLException("annals_append answered nothing for request " + (i + 1));
                }
                answers[i] = keyed[i] > 0 ? new Keyed(keyed[i], known.get(i)) : new Known(known.get(i));
            }
        }
        return Arrays.asList(answers);
    }

    /** The group as the column arrays the function takes. */
    private static final class Columns {
        final Object[] timelines;
        final Object[] mins;
        final Object[] maxes;
        final Object[] counts;
        final Object[] recorded;
        final Object[] requestIds;
        final Object[] traceparents;
        final Object[] requestOf;
        final Object[] positions;
        final Object[] ids;
        final Object[] types;
        final Object[] typeVersions;
        final Object[] occurred;
        final Object[] hashes;
        final Object[] heads;
        final Object[] tails;
        final Object[] keys;
        final Object[] fingerprints;

        Columns(List<Request> requests) {
            int r = requests.size();
            int n = requests.stream().mapToInt(q -> q.rows().size()).sum();
            timelines = new Object[r];
            mins = new Object[r];
            maxes = new Object[r];
            counts = new Object[r];
            recorded = new Object[r];
            requestIds = new Object[r];
            traceparents = new Object[r];
            keys = new Object[r];
            fingerprints = new Object[r];
            requestOf = new Object[n];
            positions = new Object[n];
            ids = new Object[n];
            types = new Object[n];
            typeVersions = new Object[n];
            occurred = new Object[n];
            hashes = new Object[n];
            heads = new Object[n];
            tails = new Object[n];
            int e = 0;
            for (int i = 0; i < r; i++) {
                Request request = requests.get(i);
                timelines[i] = request.timelineId();
                mins[i] = request.minVersion();
                maxes[i] = request.maxVersion();
                counts[i] = request.rows().size();
                recorded[i] = ISO_OFFSET_DATE_TIME.format(request.recordedAt());
                requestIds[i] = request.trace().requestId();
                traceparents[i] = request.trace().traceparent();
                keys[i] = request.idempotencyKey();
                fingerprints[i] = request.fingerprint();
                for (int p = 0; p < request.rows().size(); p++, e++) {
                    Row row = request.rows().get(p);
                    requestOf[e] = i + 1;
                    positions[e] = p + 1;
                    ids[e] = row.id();
                    types[e] = row.type();
                    typeVersions[e] = row.typeVersion();
                    occurred[e] = row.occurredAt();
                    hashes[e] = row.hash();
                    heads[e] = row.payload().head();
                    tails[e] = row.payload().tail();
                }
            }
        }
    }
}
