package dev.annals.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Whether switching to a rebuilt generation would lose events of the live one, and the reason to refuse if so. */
final class LosslessSwitch {
    /**
     * Events of the live generation against the rebuilt one: held by both, rejected (dead-lettered) by the rebuild,
     * or missing from it altogether. The live generation holds only records below its offsets, which the caught-up
     * rebuild has all read, so both are compared over the same offsets.
     */
    private static final String COMPARE = """
            select count(*),
                   count(*) filter (where r.event_id is null and d.event_id is not null),
                   count(*) filter (where r.event_id is null and d.event_id is null),
                   -- timelines count the current view; retracted events are rows of the rebuild too
                   (select coalesce(sum(event_count), 0) from read_timeline where generation = ?)
                       + (select count(*) from read_event where generation = ? and retracted_at is not null)
            from read_event l
            left join read_event r on r.generation = ? and r.event_id = l.event_id
            left join (select distinct event_id from read_dead_letter where generation = ? and event_id is not null) d
                on d.event_id = l.event_id
            where l.generation = ?""";

    private LosslessSwitch() {}

    /** Why the switch is refused, or {@code null} when every live event is rebuilt (or its rejection is accepted). */
    static String refusal(RebuildLedger.Comparison counts, int active, boolean switchDespiteRejected) {
        if (counts.missing() > 0) {
            return counts.missing() + " of the " + counts.liveEvents() + " events of the live generation " + active
                    + " are neither in the rebuilt generation nor dead-lettered by it (no longer on the topic?)";
        }
        if (counts.rejectedLive() > 0 && !switchDespiteRejected) {
            return "the rebuild dead-lettered " + counts.rejectedLive() + " of the " + counts.liveEvents()
                    + " events of the live generation " + active + " (see the dead-letter topic, header "
                    + "annals_dlq_generation); set annals.projection.rebuild.switch-despite-rejected=true to drop them";
        }
        return null;
    }

    static RebuildLedger.Comparison compare(Connection connection, int active, int rebuilt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COMPARE)) {
            statement.setInt(1, rebuilt);
            statement.setInt(2, rebuilt);
            statement.setInt(3, rebuilt);
            statement.setInt(4, rebuilt);
            statement.setInt(5, active);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new RebuildLedger.Comparison(rs.getLong(1), rs.getLong(4), rs.getLong(2), rs.getLong(3));
            }
        }
    }
}
