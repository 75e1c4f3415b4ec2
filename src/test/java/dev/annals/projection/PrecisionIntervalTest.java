package dev.annals.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annals.event.Precision;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every precision's interval holds its instant and fits {@link PrecisionInterval#MAX_LENGTH}, in any offset. */
class PrecisionIntervalTest {

    @Test
    void everyIntervalHoldsItsInstantAndFitsTheMaximumLength() {
        Random random = new Random(366);
        OffsetDateTime start = OffsetDateTime.parse("1999-01-01T00:00:00Z");
        for (int i = 0; i < 200_000; i++) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(26 * 4 + 1) - 12 * 4) * 15 * 60);
            OffsetDateTime at = start.plusSeconds(random.nextLong(40L * 366 * 24 * 3600))
                    .plusNanos(random.nextInt(1_000_000_000))
                    .withOffsetSameInstant(offset);
            for (Precision precision : Precision.values()) {
                PrecisionInterval interval = PrecisionInterval.of(at, precision);
                assertFalse(interval.from().isAfter(at), precision + " " + at);
                assertTrue(interval.until().isAfter(at), precision + " " + at);
                assertTrue(
                        Duration.between(interval.from(), interval.until()).compareTo(PrecisionInterval.MAX_LENGTH)
                                <= 0,
                        precision + " " + at);
            }
        }
    }

    @Test
    void theMaximumIsALeapYearWhateverTheOffset() {
        for (String at :
                new String[] {"2024-12-31T23:59:59-12:00", "2024-01-01T00:00:00+14:00", "2000-02-29T12:00:00+05:30"}) {
            PrecisionInterval year = PrecisionInterval.of(OffsetDateTime.parse(at), Precision.YEAR);
            assertEquals(PrecisionInterval.MAX_LENGTH, Duration.between(year.from(), year.until()), at);
        }
    }
}
