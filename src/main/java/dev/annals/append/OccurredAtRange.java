package dev.annals.append;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annals.error.FieldError;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * occurredAt must lie in the years 0001..9999, in its own offset and in UTC, so that every timestamp Annals
 * publishes for it (ce_time, the event JSON) is a valid RFC 3339 date-time (four-digit year, no year 0).
 */
final class OccurredAtRange {
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    private OccurredAtRange() {}

    /** The broken rule of the event's occurredAt, if any; a value that is no date-time is the schema's concern. */
    static List<FieldError> errors(String prefix, JsonNode event) {
        JsonNode value = event == null ? null : event.get("occurredAt");
        if (value == null || !value.isTextual()) {
            return List.of();
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(value.asText());
        } catch (DateTimeParseException e) {
            return List.of();
        }
        if (inRange(at.getYear())
                && inRange(at.withOffsetSameInstant(ZoneOffset.UTC).getYear())) {
            return List.of();
        }
        return List.of(new FieldError(
                prefix + "/occurredAt",
                "dateRange",
                "must lie in the years " + String.format("%04d", MIN_YEAR) + ".." + MAX_YEAR + ", also in UTC"));
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
