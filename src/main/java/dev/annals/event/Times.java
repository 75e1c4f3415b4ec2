package dev.annals.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps Annals records are answered in UTC. */
public final class Times {
    private Times() {}

    public static OffsetDateTime utc(OffsetDateTime value) {
        return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
