package dev.annals.projection;

import dev.annals.event.Precision;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The interval an imprecise time stands for, in the event's own offset: {@code 2026-02-26T00:00-05:00} at day
 * precision is [Feb 26 00:00, Feb 27 00:00) New York time. Range filters match events whose interval overlaps.
 */
public record PrecisionInterval(OffsetDateTime from, OffsetDateTime until) {
    /**
     * No interval is longer: a leap year at year precision. Both ends share the event's fixed offset, so no
     * daylight-saving shift stretches it. Queries rely on it to bound {@code occurred_at} by a window's ends.
     */
    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    public static PrecisionInterval of(OffsetDateTime at, Precision precision) {
        OffsetDateTime start = switch (precision) {
            case SECOND -> at.truncatedTo(ChronoUnit.SECONDS);
            case MINUTE -> at.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> at.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> at.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfMonth());
            case YEAR -> at.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.firstDayOfYear());
        };
        OffsetDateTime end = switch (precision) {
            case SECOND -> start.plusSeconds(1);
            case MINUTE -> start.plusMinutes(1);
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
        return new PrecisionInterval(start, end);
    }
}
