package dev.annals.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annals.correction.ChangeKind;
import dev.annals.event.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies corrections and retractions to the read model, in the batch's transaction and in record order: the
 * current version of the event moves to {@code read_event_revision}, the corrected one takes its place (or the
 * event is marked retracted), the counters follow, and {@code read_change} records the change. A change the
 * projection cannot apply (its event is not held, is retracted, or would become invalid) is recorded as ignored.
 */
@ApplicationScoped
class ChangeProjection {
    private static final Logger LOG = Logger.getLogger(ChangeProjection.class);
    private static final UUID NONE = new UUID(0, 0);

    private final ObjectMapper mapper;
    private final CorrectedRow rows;

    ChangeProjection(ObjectMapper mapper, CorrectedRow rows) {
        this.mapper = mapper;
        this.rows = rows;
    }

    /** Applies the changes in order; returns how many were new (not duplicates of changes already processed). */
    int apply(Connection connection, int generation, List<EventDecoder.Valid> changes) throws SQLException {
        int processed = 0;
        for (EventDecoder.Valid change : changes) {
            if (apply(connection, generation, change)) {
                processed++;
            }
        }
        return processed;
    }

    private record Current(
            String timelineId,
            ObjectNode event,
            OffsetDateTime retractedAt,
            String[] actorIds,
            String[] actorNames,
            Integer partition,
            Long offset) {}

    private boolean apply(Connection connection, int generation, EventDecoder.Valid valid) throws SQLException {
        TimelineEvent change = valid.event();
        if (exists(connection, ChangeSql.SEEN, generation, change.id())) {
            return false;
        }
        ChangeKind kind = ChangeKind.of(change.type()).orElseThrow();
        UUID target = uuid(change.data().path("eventId").asText());
        Current current = target == null ? null : current(connection, generation, target);
        String ignored = null;
        EventDecoder.Valid corrected = null;
        if (current == null) {
            // not recorded as seen: delivered again after its event (a republish), it applies then
            LOG.warnf(
                    "Skipping %s %s of event %s: the event is not in the read model", kind.wire(), change.id(), target);
            return true;
        }
        if (!current.timelineId().equals(change.timelineId())) {
            ignored = "the event it names belongs to another timeline";
        } else if (current.retractedAt() != null) {
            ignored = "the event it names is retracted";
        } else if (kind == ChangeKind.CORRECTED) {
            corrected = rows.corrected(
                    current.event(),
                    current.partition(),
                    current.offset(),
                    change.data().get("changes"));
            if (corrected == null) {
                ignored = "the corrected event would not be valid";
            }
        }
        if (ignored == null) {
            // actor counts before the row: the row's update locks read_facet (its trigger), and a batch's APPLY
            // locks read_actor before read_facet, so both take the shared counters in the same order
            actors(connection, generation, current, corrected);
            update(connection, PreparedArgs.of(ChangeSql.ARCHIVE, change.recordedAt(), generation, target));
            if (corrected != null) {
                CorrectedRow.update(connection, generation, target, corrected, change);
            } else {
                update(
                        connection,
                        PreparedArgs.of(
                                ChangeSql.RETRACT,
                                change.recordedAt(),
                                change.data().path("reason").asText(),
                                change.sequence(),
                                generation,
                                target));
            }
            update(
                    connection,
                    PreparedArgs.of(
                            ChangeSql.TIMELINE,
                            kind == ChangeKind.RETRACTED ? 1 : 0,
                            change.sequence(),
                            generation,
                            change.timelineId()));
        } else {
            LOG.warnf("Ignoring %s %s of event %s: %s", kind.wire(), change.id(), target, ignored);
        }
        update(
                connection,
                PreparedArgs.of(
                        ChangeSql.RECORD,
                        generation,
                        change.id(),
                        target == null ? NONE : target,
                        change.timelineId(),
                        change.sequence(),
                        kind.wire(),
                        ignored == null ? "applied" : "ignored",
                        ignored,
                        change.recordedAt(),
                        valid.partition(),
                        valid.offset(),
                        valid.payload()));
        return true;
    }

    /** The actor counts: the event's actors no longer count, the corrected event's (if any) do. */
    private static void actors(Connection connection, int generation, Current current, EventDecoder.Valid corrected)
            throws SQLException {
        try (PreparedStatement removed = connection.prepareStatement(ChangeSql.ACTORS_REMOVED)) {
            removed.setArray(1, connection.createArrayOf("text", current.actorIds()));
            removed.setInt(2, generation);
            removed.executeUpdate();
        }
        if (corrected != null && !corrected.event().actors().isEmpty()) {
            try (PreparedStatement added = connection.prepareStatement(ChangeSql.ACTORS_ADDED)) {
                added.setInt(1, generation);
                added.setArray(
                        2,
                        connection.createArrayOf(
                                "text",
                                corrected.event().actors().stream()
                                        .map(a -> a.id())
                                        .toArray()));
                added.setArray(
                        3,
                        connection.createArrayOf(
                                "text",
                                corrected.event().actors().stream()
                                        .map(a -> a.name())
                                        .toArray()));
                added.executeUpdate();
            }
        }
        try (PreparedStatement gone = connection.prepareStatement(ChangeSql.ACTORS_GONE)) {
            gone.setInt(1, generation);
            gone.setArray(2, connection.createArrayOf("text", current.actorIds()));
            gone.executeUpdate();
        }
    }

    private Current current(Connection connection, int generation, UUID target) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ChangeSql.CURRENT)) {
            statement.setInt(1, generation);
            statement.setObject(2, target);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Current(
                        rs.getString(1),
                        (ObjectNode) mapper.readTree(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class),
                        (String[]) rs.getArray(4).getArray(),
                        (String[]) rs.getArray(5).getArray(),
                        (Integer) rs.getObject(6),
                        (Long) rs.getObject(7));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Corrupt read-model payload of event " + target, e);
            }
        }
    }

    private static boolean exists(Connection connection, String sql, int generation, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, generation);
            statement.setObject(2, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void update(Connection connection, PreparedArgs args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(args.sql())) {
            for (int i = 0; i < args.values().length; i++) {
                statement.setObject(i + 1, args.values()[i]);
            }
            statement.executeUpdate();
        }
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A statement and the values of its parameters, in order. */
    record PreparedArgs(String sql, Object[] values) {
        static PreparedArgs of(String sql, Object... values) {
            return new PreparedArgs(sql, values);
        }
    }
}
