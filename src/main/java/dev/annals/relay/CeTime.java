package dev.annals.relay;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;

/**
 * {@code ce_time} as RFC 3339 {@code date-time}: four-digit year, seconds always, fraction only when not zero,
 * in UTC ({@code Z}). An instant whose UTC year would be 10000 (an occurredAt late on 9999-12-31 west of UTC)
 * keeps a negative offset of whole hours instead, the only way RFC 3339 can write it.
 */
public final class CeTime {
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE)
            .appendPattern("-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendOffset("+HH:MM", "Z")
            .toFormatter();

    private CeTime() {}

    /**
     * The instant as RFC 3339 text; years 0000 to 9999 in the offset written. Total: an instant RFC 3339 cannot
     * write (a journal row stored before years were bounded at append) gets ISO-8601 text rather than an exception
     * that would stop the relay at that row for ever.
     */
    public static String format(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.getYear() > 9999) {
            int hoursPast = utc.getHour() + 1;
            utc = utc.withOffsetSameInstant(ZoneOffset.ofHours(-Math.min(18, hoursPast)));
        }
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        return RFC_3339.format(utc);
    }
}
