package dev.annals.journal;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import java.util.List;

/** Parses numeric parameters so that a bad value gets a problem naming the parameter, not a bare 404. */
public final class QueryParams {
    private QueryParams() {}

    public static long positiveLong(String name, String raw, long max) {
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemType.INVALID_REQUEST.exception(
                "Invalid parameter " + name,
                List.of(new FieldError(
                        name, "range", "must be a whole number from 1" + (max == Long.MAX_VALUE ? "" : " to " + max))));
    }
}
