package dev.annals.facet;

import dev.annals.error.DatabaseException;
import dev.annals.error.PooledConnections;
import dev.annals.event.Precision;
import dev.annals.query.EventFilter;
import dev.annals.query.QuerySql.Statement;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers facet queries on the {@code read} datasource, in one read-only snapshot, so that the total, the facets and
 * the histogram agree. Facets sharing a filter are counted by one statement.
 */
@ApplicationScoped
public class FacetQuery {
    /** More buckets than this is a 400: a finer interval than the data's span can show. */
    static final int MAX_BUCKETS = 20_000;

    private final AgroalDataSource dataSource;

    public FacetQuery(@DataSource("read") AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The counts of {@code kinds} (top {@code top} each) and, with an interval, the histogram. */
    public Facets facets(EventFilter filter, List<FacetKind> kinds, int top, Interval interval, ZoneId zone) {
        EventFilter all = FacetFilters.unordered(filter);
        Map<EventFilter, List<FacetKind>> groups = new LinkedHashMap<>();
        groups.put(all, new ArrayList<>());
        for (FacetKind kind : kinds) {
            groups.computeIfAbsent(kind.relax(all), f -> new ArrayList<>()).add(kind);
        }
        Map<FacetKind, FacetCounts> counts = new EnumMap<>(FacetKind.class);
        long[] total = {0};
        try (Connection connection = PooledConnections.get(dataSource)) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var snapshot = connection.createStatement()) {
                snapshot.execute("set transaction isolation level repeatable read, read only");
            }
            try {
                for (Map.Entry<EventFilter, List<FacetKind>> group : groups.entrySet()) {
                    boolean withTotal = group.getKey().equals(all);
                    Statement statement = group.getKey().matchesAll()
                            ? FacetSql.maintained(group.getValue(), top, withTotal)
                            : FacetSql.counted(group.getKey(), group.getValue(), top, withTotal);
                    read(connection, statement, counts, total);
                }
                Histogram histogram = interval == null ? null : histogram(connection, all, interval, zone);
                return new Facets(total[0], set(kinds, counts), histogram);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if ("22023".equals(e.getSQLState()) && e.getMessage().contains("time zone")) {
                throw FacetParams.invalid("tz", "timeZone", "is not a time zone the database knows");
            }
            throw new DatabaseException(e);
        }
    }

    private static void read(
            Connection connection, Statement statement, Map<FacetKind, FacetCounts> counts, long[] total)
            throws SQLException {
        Map<String, List<FacetValue>> values = new LinkedHashMap<>();
        Map<String, long[]> totals = new LinkedHashMap<>();
        try (PreparedStatement prepared = statement.prepare(connection);
                ResultSet rs = prepared.executeQuery()) {
            while (rs.next()) {
                String facet = rs.getString(1);
                if (facet.isEmpty()) {
                    total[0] = rs.getLong(3);
                    continue;
                }
                values.computeIfAbsent(facet, f -> new ArrayList<>())
                        .add(new FacetValue(rs.getString(2), rs.getString(6), rs.getLong(3)));
                totals.put(facet, new long[] {rs.getLong(4), rs.getLong(5)});
            }
        }
        values.forEach((facet, list) -> {
            long[] t = totals.get(facet);
            long listed = list.stream().mapToLong(FacetValue::count).sum();
            counts.put(FacetKind.fromWire(facet), new FacetCounts(t[1], t[0], t[1] - listed, List.copyOf(list)));
        });
    }

    private static Histogram histogram(Connection connection, EventFilter all, Interval interval, ZoneId zone)
            throws SQLException {
        EventFilter unbounded = FacetFilters.unbounded(all);
        Statement statement = unbounded.matchesAll()
                ? FacetSql.histogram(interval, zone.getId(), MAX_BUCKETS + 1)
                : FacetSql.histogram(unbounded, interval, zone.getId(), MAX_BUCKETS + 1);
        TreeMap<OffsetDateTime, Long> buckets = new TreeMap<>();
        TreeMap<String, HistogramBucket> coarser = new TreeMap<>();
        int rows = 0;
        try (PreparedStatement prepared = statement.prepare(connection);
                ResultSet rs = prepared.executeQuery()) {
            while (rs.next()) {
                if (++rows > MAX_BUCKETS) {
                    throw FacetParams.invalid(
                            "interval",
                            "tooManyBuckets",
                            "gives more than " + MAX_BUCKETS + " buckets: choose a coarser interval or fewer events");
                }
                Precision precision = Precision.fromWire(rs.getString(1));
                ZonedDateTime start = rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(zone);
                long count = rs.getLong(3);
                if (interval.coarser(precision)) {
                    OffsetDateTime from = start.toOffsetDateTime();
                    coarser.merge(
                            from.toInstant() + "/" + precision.ordinal(),
                            new HistogramBucket(
                                    precision.wire(),
                                    from,
                                    interval.end(start, precision).toOffsetDateTime(),
                                    count),
                            (a, b) -> new HistogramBucket(a.precision(), a.start(), a.end(), a.count() + b.count()));
                } else {
                    buckets.merge(start.toOffsetDateTime(), count, Long::sum);
                }
            }
        }
        List<HistogramBucket> list = new ArrayList<>();
        buckets.forEach((start, count) -> list.add(new HistogramBucket(
                null,
                start,
                interval.end(start.atZoneSameInstant(zone), Precision.SECOND).toOffsetDateTime(),
                count)));
        return new Histogram(interval.wire(), zone.getId(), list, List.copyOf(coarser.values()));
    }

    private static FacetSet set(List<FacetKind> kinds, Map<FacetKind, FacetCounts> counts) {
        Map<FacetKind, FacetCounts> asked = new EnumMap<>(FacetKind.class);
        kinds.forEach(k -> asked.put(k, counts.getOrDefault(k, FacetCounts.NONE)));
        return new FacetSet(
                asked.get(FacetKind.TYPE),
                asked.get(FacetKind.ACTOR),
                asked.get(FacetKind.TAG),
                asked.get(FacetKind.PUBLISHER),
                asked.get(FacetKind.RELIABILITY));
    }
}
