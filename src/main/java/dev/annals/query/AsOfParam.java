package dev.annals.query;

import dev.annals.event.Slugs;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * The {@code asOf} parameter: an instant (compared with {@code recordedAt}), or a position {@code timeline:N} an
 * append returned, standing for the instant its event was recorded (events appended by one request share it). A
 * position is waited for, as {@code waitFor} is, so the answer holds everything of that timeline recorded up to
 * it; other timelines, and an instant, are answered from what the projection holds.
 */
final class AsOfParam {
    private static final Pattern POSITION = Pattern.compile("^(.+):([0-9]{1,18})$");

    private AsOfParam() {}

    /** The instant {@code raw} stands for, or null when it is absent. */
    static OffsetDateTime resolve(String raw, ReadYourWrites readYourWrites, EventQuery query) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        var position = POSITION.matcher(value);
        if (position.matches() && Slugs.isValid(position.group(1))) {
            readYourWrites.await("asOf", value);
            return query.recordedAt(position.group(1), Long.parseLong(position.group(2)))
                    .orElse(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        }
        return QueryParsing.instant("asOf", value);
    }

    /** The filter with the asOf its cursor carries; 400 when the request names another one. */
    static EventFilter fromCursor(EventFilter filter, String carried) {
        OffsetDateTime cursorAsOf = carried.isEmpty() ? null : OffsetDateTime.parse(carried);
        if (filter.asOf() != null && (cursorAsOf == null || !filter.asOf().isEqual(cursorAsOf))) {
            throw QueryParsing.invalid("asOf", "cursor", "the cursor was issued for another asOf; drop asOf or cursor");
        }
        return filter.withAsOf(cursorAsOf);
    }
}
