package dev.annals.query;

import dev.annals.config.AnnalsConfig;
import dev.annals.error.DatabaseException;
import dev.annals.error.FieldError;
import dev.annals.error.PooledConnections;
import dev.annals.error.ProblemType;
import dev.annals.event.Slugs;
import dev.annals.projection.ProjectionSignal;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Waits, up to {@code annals.query.wait-timeout}, until the read model reflects a position returned by an append
 * ({@code <timelineId>:<version>}): the projector processed every event of that timeline up to that version
 * (applied or dead-lettered). A position the journal never reached is refused at once. The wait is woken by the
 * projector's batch commits, with a slow re-check ({@code annals.query.wait-poll}) in case a wake-up is lost.
 */
@ApplicationScoped
public class ReadYourWrites {
    private final EventQuery query;
    private final AnnalsConfig config;
    private final ProjectionSignal signal;
    private final AgroalDataSource journal;

    public ReadYourWrites(EventQuery query, AnnalsConfig config, ProjectionSignal signal, AgroalDataSource journal) {
        this.query = query;
        this.config = config;
        this.signal = signal;
        this.journal = journal;
    }

    public void await(String position) {
        await("waitFor", position);
    }

    /** Waits for {@code position}, given as the query parameter {@code parameter} (named in any problem). */
    public void await(String parameter, String position) {
        if (position == null || position.isBlank()) {
            return;
        }
        int colon = position.lastIndexOf(':');
        String timelineId = colon > 0 ? position.substring(0, colon) : "";
        long version;
        try {
            version = Long.parseLong(position.substring(colon + 1));
        } catch (NumberFormatException e) {
            version = -1;
        }
        if (!Slugs.isValid(timelineId) || version < 0) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "Invalid " + parameter + " position",
                    List.of(new FieldError(
                            parameter, "position", "must be a position returned by an append, e.g. my-timeline:14")));
        }
        if (version == 0) {
            return;
        }
        long seen = signal.batches();
        if (query.reached(timelineId, version)) {
            return;
        }
        long current = journalVersion(timelineId);
        if (version > current) {
            throw ProblemType.NOT_FOUND.exception(
                    parameter + " " + position + " was never appended: timeline " + timelineId + " is at version "
                            + current,
                    List.of(new FieldError(
                            parameter, "appended", "must not be beyond the timeline's version (" + current + ")")));
        }
        long deadline = System.nanoTime() + config.query().waitTimeout().toNanos();
        long poll = config.query().waitPoll().toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                long max = config.query().waitTimeout().toMillis();
                throw ProblemType.PROJECTION_LAGGING.exception(
                        "The read model has not applied " + position + " within " + max
                                + " ms (annals.query.wait-timeout); retry shortly",
                        List.of(new FieldError(parameter, "maxWait", "waited " + max + " ms, the longest wait")));
            }
            try {
                seen = signal.awaitAfter(seen, Math.min(left, poll));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemType.PROJECTION_LAGGING.exception("Interrupted while waiting for " + position);
            }
            if (query.reached(timelineId, version)) {
                return;
            }
        }
    }

    /** The timeline's version in the journal (the write side), 0 when it has no events. */
    private long journalVersion(String timelineId) {
        try (Connection connection = PooledConnections.get(journal);
                PreparedStatement statement =
                        connection.prepareStatement("select version from timeline where timeline_id = ?")) {
            statement.setString(1, timelineId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
