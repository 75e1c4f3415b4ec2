package dev.annals.journal;

import dev.annals.error.FieldError;
import dev.annals.error.ProblemType;
import dev.annals.event.Slugs;
import java.util.List;

/** Guards the timeline-id path parameter. */
public final class TimelineIds {
    private TimelineIds() {}

    public static void require(String timelineId) {
        if (!Slugs.isValid(timelineId)) {
            throw ProblemType.INVALID_REQUEST.exception(
                    "Invalid timeline id",
                    List.of(new FieldError(
                            "timelineId",
                            "pattern",
                            "must match " + Slugs.PATTERN + " (lowercase letters, digits, hyphens; max 128)")));
        }
    }
}
