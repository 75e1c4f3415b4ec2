package dev.annals.correction;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import java.util.List;
import java.util.UUID;

/** The {@code eventId} path parameter. */
final class EventIds {
    private EventIds() {}

    static UUID parse(String eventId) {
        try {
            return UUID.fromString(eventId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "Invalid event id", List.of(FieldError.parameter("eventId", "format", "must be a UUID")));
        }
    }
}
