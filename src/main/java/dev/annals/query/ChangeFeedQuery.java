package dev.annals.query;

import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a timeline's change feed from the read model, bounded by the timeline's processed watermark, read first:
 * a page never holds a change the next page's position could skip.
 */
@ApplicationScoped
class ChangeFeedQuery {
    private final AgroalDataSource dataSource;
    private final EventQuery events;

    ChangeFeedQuery(@DataSource("read") AgroalDataSource dataSource, EventQuery events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    ChangePage changes(String timelineId, long since, int limit) {
        try (Connection connection = PooledConnections.get(dataSource)) {
            long upTo;
            try (PreparedStatement statement = QuerySql.processed(timelineId).prepare(connection);
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                upTo = rs.getLong(1);
            }
            List<Change> items = new ArrayList<>();
            try (PreparedStatement statement =
                            QuerySql.changes(timelineId, since, upTo, limit).prepare(connection);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (items.size() == limit) {
                        return new ChangePage(items, items.get(limit - 1).position(), true);
                    }
                    items.add(new Change(rs.getString(1), timelineId + ":" + rs.getLong(2), events.parse(rs, 3, 4)));
                }
            }
            return new ChangePage(items, timelineId + ":" + Math.max(since, upTo), false);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }
}
