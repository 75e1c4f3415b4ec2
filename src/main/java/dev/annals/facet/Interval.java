package dev.annals.facet;

import dev.annals.event.Precision;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The width of a histogram's buckets. */
public enum Interval {
    DAY(Precision.DAY, ChronoUnit.DAYS),
    WEEK(Precision.DAY, ChronoUnit.WEEKS),
    MONTH(Precision.MONTH, ChronoUnit.MONTHS),
    YEAR(Precision.YEAR, ChronoUnit.YEARS);

    /** The coarsest precision whose events fall into one bucket. */
    private final Precision finest;

    private final ChronoUnit unit;

    Interval(Precision finest, ChronoUnit unit) {
        this.finest = finest;
        this.unit = unit;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Interval fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Whether an event of this precision is known too coarsely for a bucket (a month-precision event by day). */
    boolean coarser(Precision precision) {
        return precision.compareTo(finest) > 0;
    }

    /** The unit ({@code date_trunc}'s) an event of this precision is counted by: the interval's, or its own. */
    String unitOf(Precision precision) {
        return coarser(precision) ? precision.wire() : wire();
    }

    /** The end of the bucket starting at {@code start} (an event of {@code precision}). */
    ZonedDateTime end(ZonedDateTime start, Precision precision) {
        ChronoUnit step =
                !coarser(precision) ? unit : precision == Precision.YEAR ? ChronoUnit.YEARS : ChronoUnit.MONTHS;
        // from the local date: where a daylight-saving change skips midnight, a day starts at 01:00
        return start.toLocalDate().plus(1, step).atStartOfDay(start.getZone());
    }

    /** {@code case <column> when 'month' then 'month' ... else '<interval>' end}: the unit of each precision. */
    String unitSql(String precisionColumn) {
        if (this == YEAR) {
            return "'year'";
        }
        StringBuilder sql = new StringBuilder("case ").append(precisionColumn);
        for (Precision p : Precision.values()) {
            if (coarser(p)) {
                sql.append(" when '")
                        .append(p.wire())
                        .append("' then '")
                        .append(p.wire())
                        .append('\'');
            }
        }
        return sql.append(" else '").append(wire()).append("' end").toString();
    }
}
