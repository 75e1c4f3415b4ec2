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

    /** The instant as RFC 3339 text; years 0000 to 9999 in the offset written. */
    public static String format(OffsetDateTime time) {
        OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
        if (utc.getYear() > 9999) {
            int hoursPast = utc.getHour() + 1;
            utc = utc.withOffsetSameInstant(ZoneOffset.ofHours(-Math.min(18, hoursPast)));
        }
        return RFC_3339.format(utc);
    }
}
