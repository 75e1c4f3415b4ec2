package dev.annals.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ce_time} is an RFC 3339 date-time for every occurredAt the append API accepts. */
class CeTimeTest {
    /** RFC 3339 section 5.6 {@code date-time}, with the ranges of 5.7 checked below. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?([Zz]|([+-])(\\d{2}):(\\d{2}))");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0001-01-01T00:00:00Z",
                "0001-01-01T00:00:00+18:00",
                "0001-01-01T00:00:00-18:00",
                "1970-01-01T00:00:00Z",
                "1969-12-31T23:59:59.999999999-01:00",
                "2026-02-26T18:00:00-05:00",
                "2026-02-26T18:00-05:00",
                "2026-02-26T18:00:00.5+05:30",
                "2026-02-26T18:00:00.123456789Z",
                "2026-02-26T18:00:00.120+00:00",
                "2024-02-29T23:59:59+14:00",
                "9999-12-31T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "9999-12-31T23:00:00-05:00",
                "9999-12-31T23:59:59.999999999-18:00",
                "9999-12-31T23:59:59+18:00"
            })
    void everyAcceptedInstantIsWrittenAsRfc3339WithTheSameInstant(String occurredAt) {
        OffsetDateTime time = OffsetDateTime.parse(occurredAt);
        String written = CeTime.format(time);
        assertRfc3339(written);
        assertEquals(time.toInstant(), OffsetDateTime.parse(written).toInstant(), written);
    }

    /** Journal rows stored before years were bounded: formatting them must never throw and stall the relay. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "0000-01-01T00:30:00+01:00",
                "-0005-06-01T00:00:00Z",
                "+10000-01-01T00:00:00+18:00",
                "+10000-01-02T20:00:00Z"
            })
    void instantsOutsideTheAcceptedYearsAreStillWrittenKeepingTheInstant(String occurredAt) {
        OffsetDateTime time = OffsetDateTime.parse(occurredAt);
        assertEquals(time.toInstant(), OffsetDateTime.parse(CeTime.format(time)).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-26T18:00-05:00", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z"})
    void zeroSecondsAndFractionsAreWrittenInUtcWithSeconds(String occurredAt) {
        String written = CeTime.format(OffsetDateTime.parse(occurredAt));
        assertTrue(written.endsWith(":00Z"), written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-26T23:00:00Z", "0001-01-01T00:00:00Z", "2026-02-26T23:00:00.5Z"})
    void utcInstantsAreWrittenAsGiven(String utc) {
        assertEquals(utc, CeTime.format(OffsetDateTime.parse(utc)));
    }

    private static void assertRfc3339(String text) {
        Matcher m = DATE_TIME.matcher(text);
        assertTrue(m.matches(), "not an RFC 3339 date-time: " + text);
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        assertTrue(month >= 1 && month <= 12, text);
        assertTrue(day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth(), text);
        assertTrue(Integer.parseInt(m.group(4)) <= 23, text);
        assertTrue(Integer.parseInt(m.group(5)) <= 59, text);
        assertTrue(Integer.parseInt(m.group(6)) <= 59, text);
        if (m.group(9) != null) {
            assertTrue(Integer.parseInt(m.group(10)) <= 23, text);
            assertTrue(Integer.parseInt(m.group(11)) <= 59, text);
        }
        LocalDate.of(year, month, day); // a real date
    }
}
